package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndHeadersTest {

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessIncludesTheDatabase() {
        given().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().get("/").then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests"))
                .body(not(containsString("csrf-token")));
        given().get(health).then().statusCode(200);
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/health", "/metrics")) {
            assertEquals(404, given().redirects().follow(false).get(path).statusCode(), path);
        }
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().redirects().follow(false).get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void anonymousVisitorsSeeTheWelcomePageAndASignInLink() {
        given().get("/").then().statusCode(200)
                .body(containsString("Sign in"))
                .body(containsString("/webjars/bootstrap/css/bootstrap.min.css"));
        given().get("/webjars/bootstrap/css/bootstrap.min.css").then().statusCode(200);
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void unexpectedErrorsGetAFriendly500WithAReferenceAndNothingInternal() {
        String page = given().get("/test-only/failure").then().statusCode(500)
                .contentType(containsString("text/html"))
                .body(containsString("Something went wrong"))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("com.claudioportal")))
                .extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-testid=\"error-reference\">([0-9a-f]{8})<").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), page);
        String reference = m.group(1);
        // the log line with that reference names the exception and where it happened, never its message
        String logged = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> logEntry("Unexpected error, reference " + reference), java.util.Objects::nonNull);
        org.junit.jupiter.api.Assertions.assertTrue(logged.contains("Unexpected error, reference " + reference + ": java.lang.IllegalStateException"), logged);
        org.junit.jupiter.api.Assertions.assertTrue(logged.contains("at com.claudioportal.web.FailingResource.fail("), logged);
        org.junit.jupiter.api.Assertions.assertFalse(logged.contains("hunter2") || logged.contains("database password"), logged);
    }

    /** The log entry (first line and stack trace) that starts with a line containing {@code text}, or null. */
    static String logEntry(String text) throws java.io.IOException {
        java.nio.file.Path log = java.nio.file.Path.of("target", "test-logs", "portal.log");
        if (!java.nio.file.Files.exists(log)) {
            return null;
        }
        java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                StringBuilder entry = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("^\\d\\d:\\d\\d:\\d\\d .*"); j++) {
                    entry.append('\n').append(lines.get(j));
                }
                return entry.toString();
            }
        }
        return null;
    }

    @Test
    void unknownPagesGetAFriendly404WithoutStackTrace() {
        given().get("/no/such/page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at com.")));
    }
}
