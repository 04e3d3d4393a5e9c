package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.Routes.Route;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every page (every GET route, enumerated, opened by someone allowed to, plus the error pages)
 * carries the security headers the README promises. HSTS and Secure cookies belong to the
 * production profile and are checked where the packaged jar runs in it.
 */
@QuarkusTest
class SecurityHeadersTest extends TenantTestBase {

    static final String ADMIN = "admin@headers.test";
    static final String PLATFORM = "platform@headers.test";

    Map<String, String> ids;

    @BeforeEach
    void tenantWithRecords() {
        String tenant = fixtures.tenant("Headers Clinic", ADMIN);
        long profile = fixtures.seedProfile(tenant);
        String staff = Fixtures.email("staff");
        fixtures.member(tenant, staff, TenantRole.STAFF);
        ids = Map.of("tenant", tenant, "id", tenant, "memberId", String.valueOf(fixtures.membershipId(tenant, staff)),
                "profileId", String.valueOf(profile), "jobId", String.valueOf(fixtures.finishedJob(tenant, profile)),
                "batchKey", fixtures.batch(tenant, fixtures.finishedJob(tenant, profile)),
                "uploadId", fixtures.upload(tenant).toString(), "index", "0",
                "presetId", String.valueOf(fixtures.preset(tenant, "Dr. H", Map.of("specialist_name", "Dr. H"))));
    }

    @Test
    @SignedInAs(ADMIN)
    void everyTenantPageAndTheErrorPages() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : Routes.all()) {
            if (route.method().equals("GET") && route.isTenantRoute()) {
                checked++;
                check(route.toString(), given().redirects().follow(false).get(route.expand(ids::get)), true, failures);
            }
        }
        check("a missing page", given().get("/t/" + ids.get("tenant") + "/no/such/page"), false, failures);
        check("another tenant's page", given().get("/t/no-such-tenant/jobs"), false, failures);
        check("a forbidden page", given().get("/platform/tenants"), false, failures);
        check("the error page", given().get("/test-only/failure"), false, failures);
        assertEquals(List.of(), failures);
        assertTrue(checked >= 18, "tenant pages checked: " + checked);
    }

    @Test
    @SignedInAs(value = PLATFORM, roles = CurrentUser.PLATFORM_ADMIN_ROLE)
    void everyPlatformPage() {
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            if (route.method().equals("GET") && !route.isTenantRoute()) {
                check(route.toString(), given().redirects().follow(false).get(route.expand(ids::get)), true, failures);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theWelcomePageAndTheSignInRedirect() {
        List<String> failures = new ArrayList<>();
        check("GET / (anonymous)", given().redirects().follow(false).get("/"), true, failures);
        check("the sign-in redirect", given().redirects().follow(false).get("/t/" + ids.get("tenant")), true, failures);
        check("a static asset", given().get("/css/portal.css"), true, failures);
        assertEquals(List.of(), failures);
    }

    static void check(String what, Response r, boolean mustSucceed, List<String> failures) {
        List<String> problems = new ArrayList<>();
        if (mustSucceed && r.statusCode() >= 400) {
            problems.add("status " + r.statusCode());
        }
        String csp = r.header("Content-Security-Policy");
        if (csp == null || !csp.contains("default-src 'self'") || !csp.contains("script-src 'self'")
                || !csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'") || csp.contains("unsafe-inline")
                || csp.contains("unsafe-eval")) {
            problems.add("Content-Security-Policy " + csp);
        }
        expect(r, "X-Content-Type-Options", "nosniff", problems);
        expect(r, "X-Frame-Options", "DENY", problems);
        List<String> referrer = r.headers().getValues("Referrer-Policy");
        // a redirect to Claudio's signed link says no-referrer; every other answer same-origin
        if (referrer.isEmpty() || !referrer.stream().allMatch(v -> v.equals("same-origin") || v.equals("no-referrer"))) {
            problems.add("Referrer-Policy " + referrer);
        }
        String permissions = r.header("Permissions-Policy");
        // the new-job form alone may use the microphone (dictating in the browser; MicrophonePolicyTest)
        String microphone = what.endsWith(" /t/{tenant}/jobs/new") ? "microphone=(self)" : "microphone=()";
        if (permissions == null || !permissions.contains("camera=()") || !permissions.contains(microphone)
                || !permissions.contains("geolocation=()")) {
            problems.add("Permissions-Policy " + permissions);
        }
        if (!problems.isEmpty()) {
            failures.add(what + ": " + problems);
        }
    }

    private static void expect(Response r, String header, String value, List<String> problems) {
        List<String> values = r.headers().getValues(header);
        if (!values.equals(List.of(value))) {
            problems.add(header + " " + values);
        }
    }
}
