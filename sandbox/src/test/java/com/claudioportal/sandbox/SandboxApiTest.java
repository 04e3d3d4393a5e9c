package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sandbox's HTTP face: the Claudio calls need only the account's credentials, unknown paths
 * under a base URL are Claudio-shaped JSON 404s while any other path is a web server's HTML 404,
 * and the control API needs its token and never shows a secret.
 */
class SandboxApiTest {

    /** One sandbox for the class, closed after its last test. */
    @AutoClose
    static final SandboxHttp sandbox = new SandboxHttp();

    @Test
    void callsNeedOnlyTheAccountCredentials() {
        SandboxHttp.Account account = sandbox.account();
        SandboxHttp.Answer wrong = sandbox.post(account.baseUrl() + "/jobs/submit", "{\"key\":\"wrong\",\"secret\":\"wrong\"}");
        assertEquals(401, wrong.status());
        assertTrue(wrong.header("Content-Type").contains("application/json"));
        assertTrue(wrong.json().path("msg").asText().startsWith("ERROR: User not authorized"));
        SandboxHttp.Answer empty = sandbox.post(account.baseUrl() + "/jobs/submit",
                "{" + account.credentials() + ",\"is_raw\":\"0\",\"audio_files\":[]}");
        assertEquals(400, empty.status());
        assertTrue(empty.json().path("msg").asText().contains("audio_files"));
    }

    @Test
    void unknownPathsUnderABaseUrlAreJsonAndEverythingElseIsAWebServersPage() {
        SandboxHttp.Answer call = sandbox.post(sandbox.url() + "/claudio/" + SandboxHttp.slug() + "/no/such/call", "{}");
        assertEquals(404, call.status());
        assertTrue(call.header("Content-Type").contains("application/json"));
        assertEquals("ERROR: Not found. ", call.json().path("msg").asText());
        for (String path : new String[] { "/no/such/page", "/", "/claudio", "/sandbox/claudio/x/jobs/submit" }) {
            SandboxHttp.Answer page = sandbox.get(sandbox.url() + path);
            assertEquals(404, page.status(), path);
            assertTrue(page.header("Content-Type").startsWith("text/html"), path);
            assertTrue(page.text().contains("<h1>Not Found</h1>"), path);
        }
        assertEquals(200, sandbox.get(sandbox.url() + "/health").status());
    }

    @Test
    void anUnknownAccountIsUnauthorizedLikeAWrongKey() {
        assertEquals(401, sandbox.post(sandbox.url() + "/claudio/" + SandboxHttp.slug() + "/jobs/ABC/poll", "{\"key\":\"k\",\"secret\":\"s\"}")
                .status());
    }

    @Test
    void pollAcceptsGetWithABodyAndTheJobReferenceAsQueryParameter() {
        SandboxHttp.Account account = sandbox.account();
        String body = "{" + account.credentials() + "}";
        SandboxHttp.Answer get = sandbox.send("GET", account.baseUrl() + "/jobs/NOSUCHJOB/poll", body, null);
        assertEquals(400, get.status());
        assertTrue(get.json().path("msg").asText().contains("no job with this job_reference_id"));
        SandboxHttp.Answer query = sandbox.post(account.baseUrl() + "/jobs/poll?job_reference_id=NOSUCHJOB", body);
        assertEquals(400, query.status());
        assertTrue(query.json().path("msg").asText().contains("no job with this job_reference_id"));
        assertEquals(400, sandbox.send("GET", account.baseUrl() + "/jobs/details?job_reference_id=NOSUCHJOB", body, null).status());
    }

    @Test
    void uploadReferencesAreNotDownloadLinks() {
        assertEquals(403, sandbox.get(sandbox.url() + "/claudio/" + SandboxHttp.slug() + "/uploads/" + UUID.randomUUID() + "/a.wav").status());
    }

    @Test
    void theControlApiRequiresItsToken() {
        String slug = SandboxHttp.slug();
        assertEquals(401, sandbox.send("PUT", sandbox.url() + "/control/accounts/" + slug, "{\"apiKey\":\"k\",\"apiSecret\":\"s\"}", null).status());
        SandboxHttp.Answer wrong = sandbox.send("GET", sandbox.url() + "/control/accounts/" + slug, null, "Bearer wrong");
        assertEquals(401, wrong.status());
        assertEquals("Bearer", wrong.header("WWW-Authenticate"));
        assertEquals(401, sandbox.send("POST", sandbox.url() + "/control/reset", null, null).status());
        sandbox.control("GET", "/control/accounts/" + slug, null, 404);
    }

    @Test
    void theControlApiShapesAnAccountWithoutShowingSecrets() {
        String slug = SandboxHttp.slug();
        JsonNode created = sandbox.control("PUT", "/control/accounts/" + slug, "{\"apiKey\":\"control-key-123\",\"apiSecret\":\"control-secret-456\"}", 200);
        assertEquals(slug, created.path("slug").asText());
        assertEquals(sandbox.url() + "/claudio/" + slug, created.path("baseUrl").asText());
        assertTrue(created.path("baseUrl").asText().startsWith("http://localhost:"));
        JsonNode patched = sandbox.control("PATCH", "/control/accounts/" + slug,
                "{\"webhookUrl\":\"http://localhost:9/hook/secret-path-token\",\"processingMillis\":1500,\"pollStyle\":\"older\","
                        + "\"retention\":true,\"faults\":{\"ALL\":{\"delayMillis\":5},\"submit\":{\"drop\":\"after\"},"
                        + "\"POLL\":{\"status\":500,\"probability\":0.25}}}", 200);
        assertEquals(true, patched.path("webhookConfigured").asBoolean());
        assertEquals("http://localhost:9", patched.path("webhookOrigin").asText());
        assertEquals(1500, patched.path("processingMillis").asInt());
        assertEquals("OLDER", patched.path("pollStyle").asText());
        assertEquals(true, patched.path("retention").asBoolean());
        assertEquals(0.25, patched.path("faults").path("POLL").path("probability").asDouble());
        assertEquals(500, patched.path("faults").path("POLL").path("status").asInt());
        assertEquals("AFTER", patched.path("faults").path("SUBMIT").path("drop").asText());
        assertEquals(5, patched.path("faults").path("ALL").path("delayMinMillis").asInt());
        assertFalse(patched.toString().contains("secret-path-token"));
        assertFalse(patched.toString().contains("control-secret-456") || patched.toString().contains("control-key-123"));
        assertEquals(patched, sandbox.control("GET", "/control/accounts/" + slug, null, 200));
        assertTrue(sandbox.control("GET", "/control/accounts", null, 200).path("accounts").toString().contains("\"slug\":\"" + slug + "\""));

        String newKey = sandbox.control("POST", "/control/accounts/" + slug + "/rotate-key", null, 200).path("apiKey").asText();
        assertEquals(27, newKey.length());
        JsonNode cleared = sandbox.control("PATCH", "/control/accounts/" + slug, "{\"clearFaults\":true}", 200);
        assertEquals(0, cleared.path("faults").size());
        assertFalse(cleared.path("keyRevoked").asBoolean());
        sandbox.control("PATCH", "/control/accounts/" + slug, "{\"pollStyle\":\"SIDEWAYS\"}", 400);
        sandbox.control("PATCH", "/control/accounts/" + slug, "{\"faults\":{\"POLL\":{\"sideways\":true}}}", 400);
        sandbox.control("PATCH", "/control/accounts/" + slug, "{\"faults\":{\"EVERYTHING\":{\"status\":500}}}", 400);
        sandbox.control("PATCH", "/control/accounts/" + slug, "{\"processingMillis\":9,\"webhookUrl\":\"not a url\"}", 400);
        assertEquals(1500, sandbox.control("GET", "/control/accounts/" + slug, null, 200).path("processingMillis").asInt(),
                "a refused change changes nothing");
        sandbox.control("PUT", "/control/accounts/NOT_A_SLUG", "{\"apiKey\":\"k\",\"apiSecret\":\"s\"}", 400);
        sandbox.control("GET", "/control/jobs/NOSUCHJOB", null, 404);
    }

    @Test
    void manyAccountsInOneCallAndAnAccountCanBeDeleted() {
        StringBuilder body = new StringBuilder("{\"accounts\":[");
        String prefix = "b-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 200; i++) {
            body.append(i == 0 ? "" : ",").append("{\"slug\":\"").append(prefix).append(i).append("\",\"apiKey\":\"k").append(i)
                    .append("\",\"apiSecret\":\"s").append(i).append("\",\"processingMillis\":").append(1000 + i).append('}');
        }
        JsonNode created = sandbox.control("POST", "/control/accounts", body.append("]}").toString(), 200);
        assertEquals(200, created.path("accounts").size());
        assertEquals(1199, sandbox.control("GET", "/control/accounts/" + prefix + "199", null, 200).path("processingMillis").asInt());
        SandboxHttp.Answer poll = sandbox.post(sandbox.url() + "/claudio/" + prefix + "7/jobs/X/poll", "{\"key\":\"k7\",\"secret\":\"s7\"}");
        assertEquals(400, poll.status(), "the credentials work: the job is unknown");
        sandbox.control("DELETE", "/control/accounts/" + prefix + "7", null, 204);
        sandbox.control("GET", "/control/accounts/" + prefix + "7", null, 404);
    }
}
