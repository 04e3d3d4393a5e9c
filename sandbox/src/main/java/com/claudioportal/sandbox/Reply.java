package com.claudioportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** What a sandbox route answers: a body (or a file to send), its type and status. */
record Reply(int status, String contentType, byte[] body, Path file, String filename) {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, "application/json", Json.bytes(body), null, null);
    }

    /** The sandbox's error body, {"msg": "ERROR: …"}: an invented shape, the vendor's is not documented. */
    static Reply error(int status, String message) {
        return json(status, Json.object().put("msg", message));
    }

    /** A Submit the sandbox refuses: 400 with the reason, in the vendor's "Unexpected error" words. */
    static Reply rejected(String detail) {
        return error(400, "ERROR: Unexpected error occurred. " + detail + " ");
    }

    static Reply file(Path file, String contentType, String filename) {
        return new Reply(200, contentType, null, file, filename);
    }

    static Reply bytes(int status, String contentType, byte[] body, String filename) {
        return new Reply(status, contentType, body, null, filename);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    /** Like an expired or foreign pre-signed S3 link. */
    static Reply s3Error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), null);
    }

    /** What a web server answers for a path that is not the API: a wrong base URL hits a web page. */
    static Reply htmlNotFound() {
        return text(404, "text/html; charset=UTF-8", """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
                <body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>
                """);
    }
}
