package com.claudioportal.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox's own tests speak plain HTTP to it, as any Claudio client would: no portal code
 * (SandboxBoundaryTest keeps it that way). Starts a sandbox in this JVM on a free port.
 */
final class SandboxHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status, headers and bytes. */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** An account's base URL and credentials. */
    record Account(String slug, String baseUrl, String key, String secret) {
        String credentials() {
            return "\"key\":\"" + key + "\",\"secret\":\"" + secret + "\"";
        }
    }

    final String token = "sandbox-test-" + UUID.randomUUID();
    final ClaudioSandbox sandbox;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    SandboxHttp() {
        this(SandboxOptions.forTests("unused").withProcessingTime(Duration.ofMillis(300)));
    }

    /** A sandbox with these options, and this class's control token. */
    SandboxHttp(SandboxOptions options) {
        sandbox = ClaudioSandbox.start(options.withControl(token));
    }

    String url() {
        return sandbox.url();
    }

    static String slug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A fresh account (300 ms processing time unless the sandbox's default says otherwise). */
    Account account() {
        String slug = slug();
        String key = "key-" + slug + "-4fa9c1";
        String secret = "secret-" + slug + "-b7e2d05c91";
        JsonNode view = control("PUT", "/control/accounts/" + slug, "{\"apiKey\":\"" + key + "\",\"apiSecret\":\"" + secret + "\"}", 200);
        return new Account(slug, view.path("baseUrl").asText(), key, secret);
    }

    JsonNode control(String method, String path, String body, int expected) {
        Answer a = send(method, url() + path, body, "Bearer " + token);
        if (a.status() != expected) {
            throw new AssertionError(method + " " + path + " answered " + a.status() + ": " + a.text());
        }
        return a.body().length == 0 ? JSON.createObjectNode() : a.json();
    }

    JsonNode patch(Account account, String body) {
        return control("PATCH", "/control/accounts/" + account.slug(), body, 200);
    }

    JsonNode job(String reference) {
        return control("GET", "/control/jobs/" + reference, null, 200);
    }

    JsonNode counters(Account account) {
        return control("GET", "/control/accounts/" + account.slug() + "/counters", null, 200);
    }

    Answer send(String method, String url, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String url, String json) {
        return send("POST", url, json, null);
    }

    Answer get(String url) {
        return send("GET", url, null, null);
    }

    /** Upload Audio or Upload Document as a multipart form: key, secret, file. */
    Answer upload(Account account, String path, String filename, byte[] content, String contentType) {
        return send(uploadRequest(account, path, filename, content, contentType));
    }

    HttpRequest uploadRequest(Account account, String path, String filename, byte[] content, String contentType) {
        String boundary = "----sandbox" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (String[] field : new String[][] { { "key", account.key() }, { "secret", account.secret() } }) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: "
                    + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpRequest.newBuilder(URI.create(account.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** Uploads audio; answers its audio_url. */
    String uploadAudio(Account account, String filename, byte[] content) {
        Answer a = upload(account, "/audio/upload", filename, content, "audio/wav");
        if (a.status() != 200) {
            throw new AssertionError("upload answered " + a.status() + ": " + a.text());
        }
        return a.json().path("audio_url").asText();
    }

    String uploadDocument(Account account, String filename, byte[] content, String contentType) {
        Answer a = upload(account, "/documents/upload", filename, content, contentType);
        if (a.status() != 200) {
            throw new AssertionError("upload answered " + a.status() + ": " + a.text());
        }
        return a.json().path("file_url").asText();
    }

    /** A Submit body as the portal's client sends it (the vendor's sample's keys). */
    static String submitBody(Account account, String jobName, String audioUrl, String start, String end, String documentUrl, String docType,
            boolean raw) {
        ObjectNode body = JSON.createObjectNode().put("key", account.key()).put("secret", account.secret())
                .put("form_id", "70L34P7896Q97U81").put("profile_id", "12M78H7656325X96R99").put("is_raw", raw ? "1" : "0")
                .put("profile_name", "IME with Structura Doc Extraction").put("job_name", jobName);
        body.putArray("job_data").addObject().put("key", "specialist_name").put("ui_label", "Medical Specialist").put("type", "string")
                .put("ui_type", "string").put("ui_desc", "Approved Medical Specialist name").put("input_value", "Dr. B. Example");
        body.putArray("audio_files").addObject().put("audio_filename", "").put("audio_location", audioUrl).put("audio_start", start)
                .put("audio_end", end);
        var attachments = body.putArray("attachments");
        if (documentUrl != null) {
            attachments.addObject().put("filename", "").put("doc_type", docType).put("location", documentUrl);
        }
        return body.toString();
    }

    /** Submits; answers the job reference. */
    String submit(Account account, String body) {
        Answer a = post(account.baseUrl() + "/jobs/submit", body);
        if (a.status() != 200) {
            throw new AssertionError("submit answered " + a.status() + ": " + a.text());
        }
        return a.json().path("job_reference_id").asText();
    }

    JsonNode poll(Account account, String reference) {
        return post(account.baseUrl() + "/jobs/" + reference + "/poll", "{" + account.credentials() + "}").json();
    }

    JsonNode details(Account account, String reference) {
        return post(account.baseUrl() + "/jobs/" + reference + "/details", "{" + account.credentials() + "}").json();
    }

    /** Polls until the answer says SUCCESS; at most 15 s. */
    JsonNode awaitCompleted(Account account, String reference) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode answer = poll(account, reference);
            if (answer.path("msg").asText().startsWith("SUCCESS")) {
                return answer;
            }
            sleep(100);
        }
        throw new AssertionError("Job " + reference + " did not complete in time");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
