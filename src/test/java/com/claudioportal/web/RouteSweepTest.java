package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.RouterCapture;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TestSandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.Route;

/**
 * Nobody who is not signed in changes anything: every route the portal has, JAX-RS resources and
 * the plain Vert.x routes (the Claudio webhook) alike, is sent anonymous POST, PUT, PATCH and DELETE
 * requests, and none is answered with success or a server error (health and metrics, on the management
 * port only: HealthAndHeadersTest). The test run's Claudio sandbox refuses anonymous control calls as well.
 */
@QuarkusTest
class RouteSweepTest extends TenantTestBase {

    static final List<String> UNSAFE = List.of("POST", "PUT", "PATCH", "DELETE");

    @Test
    void everyResourceRouteRefusesAnonymousChanges() {
        String tenant = fixtures.tenant("Sweep Clinic", Fixtures.email("admin"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Routes.Route route : Routes.all()) {
            String path = route.expand(name -> name.equals("tenant") ? tenant : name.equals("uploadId") ? java.util.UUID.randomUUID().toString() : "1");
            for (String method : UNSAFE) {
                int status = given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("x", "1")
                        .request(method, path).statusCode();
                checked++;
                if (!refusal(status)) {
                    failures.add(method + " " + path + " (" + route + ") answered " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 4 * 40, "routes checked: " + checked);
    }

    @Test
    void everyVertxRouteRefusesAnonymousChangesAndNeverFails() {
        Set<String> paths = new TreeSet<>();
        for (Route route : RouterCapture.router().getRoutes()) {
            if (route.getPath() != null && !route.getPath().startsWith("/q/")) {
                paths.add(route.getPath());
            }
        }
        assertTrue(paths.contains("/webhooks/claudio/:token"), "the webhook route is among the Vert.x routes: " + paths);
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            String concrete = path.replaceAll(":[A-Za-z]+", "not-a-real-token-0123456789abcdef");
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                int status = given().redirects().follow(false).contentType("application/json").body("{\"job_id\":\"1\"}")
                        .request(method, concrete).statusCode();
                // reading may be public (the welcome page), changing never; neither may fail
                if (method.equals("GET") ? status >= 500 : !refusal(status)) {
                    failures.add(method + " " + concrete + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), failures, "Vert.x routes: " + paths);
    }

    @Test
    void theSandboxRefusesAnonymousControlCalls() {
        SandboxControl sandbox = TestSandbox.control();
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/control/accounts", "/control/accounts/x", "/control/accounts/x/rotate-key", "/control/accounts/x/uploads",
                "/control/accounts/x/jobs", "/control/jobs/x/complete", "/control/reset")) {
            for (String method : UNSAFE) {
                int status = given().redirects().follow(false).contentType("application/json").body("{}")
                        .request(method, sandbox.url() + path).statusCode();
                if (status != 401) {
                    failures.add(method + " " + path + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** A sign-in redirect, not signed in, not allowed, nothing there, or not this method. */
    private static boolean refusal(int status) {
        return status == 302 || status == 303 || status == 401 || status == 403 || status == 404 || status == 405;
    }
}
