package com.claudioportal.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioFailure;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** As in production: with the sandbox off its routes do not exist and its Java API refuses to work. */
@QuarkusTest
@TestProfile(SandboxDisabledTest.SandboxOff.class)
class SandboxDisabledTest {

    public static class SandboxOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.sandbox.enabled", "false");
        }
    }

    @Inject
    SandboxAccounts accounts;

    @Inject
    ClaudioClient client;

    @TestHTTPResource("/")
    java.net.URL url;

    @Test
    void theSandboxPathsAreNotServed() {
        given().redirects().follow(false).get("/sandbox/claudio/demo/jobs/ABC/poll")
                .then().statusCode(404).contentType(containsString("text/html")).body(containsString("Page not found"));
        given().redirects().follow(false).header("Authorization", "Bearer test-only-sandbox-control-token")
                .get("/sandbox/claudio/_control/accounts/demo").then().statusCode(404);
        given().redirects().follow(false).contentType("application/json").body("{\"key\":\"k\",\"secret\":\"s\"}")
                .post("/sandbox/claudio/demo/jobs/submit").then().statusCode(org.hamcrest.Matchers.not(200));
    }

    @Test
    void theClientTellsAnHtmlPageFromClaudio() {
        ClaudioAccount account = new ClaudioAccount(url.toString() + "sandbox/claudio/demo", "key", "secret");
        var check = assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, client.checkConnection(account).failureOrNull());
        assertEquals("an HTML page instead of JSON (HTTP 404)", check.description());
        var poll = assertInstanceOf(ClaudioFailure.VendorError.class, client.poll(account, "ABC", null).failureOrNull());
        assertEquals(404, poll.status());
    }

    @Test
    void theJavaApiRefusesToWork() {
        assertThrows(IllegalStateException.class, () -> accounts.ensureAccount("demo", "key", "secret"));
        assertThrows(IllegalStateException.class, () -> accounts.jobCount("demo"));
    }
}
