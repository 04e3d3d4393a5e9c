package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndHeadersTest {

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
    void metricsAreExposedOnTheManagementPortOnly() {
        given().get("/").then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests"))
                .body(not(containsString("csrf-token")));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
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
        org.junit.jupiter.api.Assertions.assertTrue(page.matches("(?s).*data-testid=\"error-reference\">[0-9a-f]{8}<.*"), page);
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
