package com.claudioportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a sandbox route answers; decided on a worker thread, written on the event loop. */
record SandboxReply(int status, String contentType, byte[] body, Path file, String filename, boolean dropConnection) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SandboxReply json(int status, JsonNode body) {
        return new SandboxReply(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), null, null, false);
    }

    /** The sandbox's error body, {"msg": "ERROR: …"}: an invented shape, the vendor's is not documented. */
    static SandboxReply error(int status, String message) {
        return json(status, JSON.createObjectNode().put("msg", message));
    }

    static SandboxReply file(Path file, String contentType, String filename) {
        return new SandboxReply(200, contentType, null, file, filename, false);
    }

    static SandboxReply bytes(int status, String contentType, byte[] body, String filename) {
        return new SandboxReply(status, contentType, body, null, filename, false);
    }

    /** Close the connection without answering (after the work was done and committed). */
    static SandboxReply drop() {
        return new SandboxReply(0, null, null, null, null, true);
    }
}
