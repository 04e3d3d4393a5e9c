package com.claudioportal.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The sandbox is served by its own Vert.x routes, ahead of the JAX-RS application, without login
 * and without the portal's CSRF protection (a machine client has no CSRF cookie).
 */
@QuarkusTest
class SandboxRoutesTest {

    @Inject
    SandboxAccounts accounts;

    @Test
    void callsNeedNoLoginAndNoCsrfTokenOnlyTheAccountCredentials() {
        String slug = slug();
        accounts.ensureAccount(slug, "key-" + slug, "secret-" + slug);
        given().redirects().follow(false).contentType("application/json").body("{\"key\":\"wrong\",\"secret\":\"wrong\"}")
                .post("/sandbox/claudio/" + slug + "/jobs/submit")
                .then().statusCode(401).contentType(containsString("application/json"))
                .body("msg", startsWith("ERROR: User not authorized"));
        given().redirects().follow(false).contentType("application/json")
                .body("{\"key\":\"key-" + slug + "\",\"secret\":\"secret-" + slug + "\",\"is_raw\":\"0\",\"audio_files\":[]}")
                .post("/sandbox/claudio/" + slug + "/jobs/submit")
                .then().statusCode(400).body("msg", containsString("audio_files"));
    }

    @Test
    void unknownSandboxPathsAreAnsweredByTheSandboxNotByThePortalsPages() {
        given().redirects().follow(false).post("/sandbox/claudio/" + slug() + "/no/such/call")
                .then().statusCode(404).contentType(containsString("application/json")).body("msg", equalTo("ERROR: Not found. "));
        given().redirects().follow(false).get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void anUnknownAccountIsUnauthorizedLikeAWrongKey() {
        given().contentType("application/json").body("{\"key\":\"k\",\"secret\":\"s\"}")
                .post("/sandbox/claudio/" + slug() + "/jobs/ABC/poll")
                .then().statusCode(401);
    }

    @Test
    void pollAcceptsGetWithABodyAndTheJobReferenceAsQueryParameter() {
        String slug = slug();
        accounts.ensureAccount(slug, "k-" + slug, "s-" + slug);
        String body = "{\"key\":\"k-" + slug + "\",\"secret\":\"s-" + slug + "\"}";
        given().contentType("application/json").body(body).get("/sandbox/claudio/" + slug + "/jobs/NOSUCHJOB/poll")
                .then().statusCode(400).body("msg", containsString("no job with this job_reference_id"));
        given().contentType("application/json").body(body).queryParam("job_reference_id", "NOSUCHJOB")
                .post("/sandbox/claudio/" + slug + "/jobs/poll")
                .then().statusCode(400).body("msg", containsString("no job with this job_reference_id"));
        given().contentType("application/json").body(body).queryParam("job_reference_id", "NOSUCHJOB")
                .get("/sandbox/claudio/" + slug + "/jobs/details")
                .then().statusCode(400);
    }

    @Test
    void uploadReferencesAreNotDownloadLinks() {
        given().get("/sandbox/claudio/" + slug() + "/uploads/" + UUID.randomUUID() + "/a.wav").then().statusCode(403);
    }

    @Test
    void theControlEndpointRequiresItsToken() {
        String slug = slug();
        given().contentType("application/json").body("{\"apiKey\":\"k\",\"apiSecret\":\"s\"}")
                .put("/sandbox/claudio/_control/accounts/" + slug).then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get("/sandbox/claudio/_control/accounts/" + slug).then().statusCode(401);
        assertEquals(false, accounts.find(slug).isPresent());
    }

    @Test
    void theControlEndpointShapesAnAccountWithoutShowingSecrets() {
        String slug = slug();
        String auth = "Bearer test-only-sandbox-control-token";
        given().header("Authorization", auth).contentType("application/json")
                .body("{\"apiKey\":\"control-key-123\",\"apiSecret\":\"control-secret-456\"}")
                .put("/sandbox/claudio/_control/accounts/" + slug)
                .then().statusCode(200).body("slug", equalTo(slug))
                .body("baseUrl", startsWith("http://localhost:")).body("baseUrl", containsString("/sandbox/claudio/" + slug));
        String patched = given().header("Authorization", auth).contentType("application/json")
                .body("{\"webhookUrl\":\"http://localhost:9/hook/secret-path-token\",\"processingMillis\":1500,\"pollStyle\":\"older\","
                        + "\"retention\":true,\"latencyMillis\":5,\"dropSubmitResponse\":true,\"errorRates\":{\"poll\":0.25}}")
                .patch("/sandbox/claudio/_control/accounts/" + slug)
                .then().statusCode(200)
                .body("webhookConfigured", equalTo(true)).body("webhookOrigin", equalTo("http://localhost:9"))
                .body("processingMillis", equalTo(1500)).body("pollStyle", equalTo("OLDER")).body("retention", equalTo(true))
                .body("faults.errorRates.POLL", equalTo(0.25f)).body("faults.dropSubmitResponse", equalTo(true))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(patched.contains("secret-path-token"));
        org.junit.jupiter.api.Assertions.assertFalse(patched.contains("control-secret-456"));
        SandboxAccount account = accounts.find(slug).orElseThrow();
        assertEquals(PollStyle.OLDER, account.pollStyle());
        assertEquals(0.25, account.faults().errorRate(SandboxCall.POLL));
        org.junit.jupiter.api.Assertions.assertFalse(account.toString().contains("secret-path-token"));

        String newKey = given().header("Authorization", auth).post("/sandbox/claudio/_control/accounts/" + slug + "/rotate-key")
                .then().statusCode(200).extract().path("apiKey");
        assertEquals(27, newKey.length());
        given().header("Authorization", auth).contentType("application/json").body("{\"clearFaults\":true}")
                .patch("/sandbox/claudio/_control/accounts/" + slug)
                .then().statusCode(200).body("faults.errorRates.POLL", equalTo(0.0f)).body("faults.latencyMillis", equalTo(0));
        given().header("Authorization", auth).contentType("application/json").body("{\"pollStyle\":\"SIDEWAYS\"}")
                .patch("/sandbox/claudio/_control/accounts/" + slug).then().statusCode(400);
        given().header("Authorization", auth).get("/sandbox/claudio/_control/jobs/NOSUCHJOB").then().statusCode(404);
    }

    static String slug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
