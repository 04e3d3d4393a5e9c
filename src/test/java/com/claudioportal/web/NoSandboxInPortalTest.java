package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioFailure;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The portal contains no Claudio sandbox (it is a separate runnable, docs/claudio.md): its old
 * paths are the portal's ordinary 404 page, and a base URL pointing there is an HTML page to the
 * client, not Claudio. {@code ProductionProfileIT} proves the same for the packaged production jar.
 */
@QuarkusTest
class NoSandboxInPortalTest {

    @Inject
    ClaudioClient client;

    @TestHTTPResource("/")
    java.net.URL url;

    @Test
    void theOldSandboxPathsAreThePortalsNotFoundPage() {
        given().redirects().follow(false).get("/sandbox/claudio/demo/jobs/ABC/poll")
                .then().statusCode(404).contentType(containsString("text/html")).body(containsString("Page not found"));
        given().redirects().follow(false).header("Authorization", "Bearer test-only-sandbox-control-token")
                .get("/sandbox/claudio/_control/accounts/demo").then().statusCode(404);
        given().redirects().follow(false).contentType("application/json").body("{\"key\":\"k\",\"secret\":\"s\"}")
                .post("/sandbox/claudio/demo/jobs/submit").then().statusCode(org.hamcrest.Matchers.not(200));
        given().redirects().follow(false).get("/claudio/demo/jobs/ABC/poll").then().statusCode(404);
        given().redirects().follow(false).get("/control/accounts").then().statusCode(404);
    }

    @Test
    void theClientTellsAnHtmlPageFromClaudio() {
        ClaudioAccount account = new ClaudioAccount(url.toString() + "sandbox/claudio/demo", "key", "secret");
        var check = assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, client.checkConnection(account).failureOrNull());
        assertEquals("an HTML page instead of JSON (HTTP 404)", check.description());
        var poll = assertInstanceOf(ClaudioFailure.VendorError.class, client.poll(account, "ABC", null).failureOrNull());
        assertEquals(404, poll.status());
    }
}
