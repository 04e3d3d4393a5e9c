package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.Routes;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every page and download the portal answers (tenant pages, platform pages, error pages) is
 * kept out of caches and carries the security headers; static assets stay cacheable.
 */
@QuarkusTest
class PageHeadersTest extends TenantTestBase {

    static final String ADMIN = "headers-admin@headers.test";

    @Test
    @SignedInAs(value = ADMIN, roles = "platform-admin")
    void everyPageIsNoStoreAndCarriesTheSecurityHeaders() {
        String tenant = fixtures.tenant("Headers Clinic", ADMIN);
        String staff = Fixtures.email("staff");
        fixtures.member(tenant, staff, TenantRole.STAFF);
        long profile = fixtures.seedProfile(tenant);
        Map<String, String> ids = Map.of("memberId", String.valueOf(fixtures.membershipId(tenant, staff)), "profileId", String.valueOf(profile),
                "jobId", String.valueOf(fixtures.finishedJob(tenant, profile)), "uploadId", fixtures.upload(tenant).toString(), "index", "0",
                "presetId", String.valueOf(fixtures.preset(tenant, "Dr. H", Map.of("specialist_name", "Dr. H"))), "id", tenant);
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (Routes.Route route : Routes.all()) {
            if (!route.method().equals("GET") || route.template().startsWith("/test-only")) {
                continue;
            }
            String path = route.expand(name -> name.equals("tenant") ? tenant : ids.getOrDefault(name, "1"));
            Response r = given().redirects().follow(false).get(path);
            pages++;
            String cache = r.header("Cache-Control");
            if (cache == null || !cache.contains("no-store")) {
                failures.add(path + " (" + r.statusCode() + "): Cache-Control " + cache);
            }
            if (r.statusCode() == 200 && String.valueOf(r.contentType()).startsWith("text/html")) {
                checkSecurityHeaders(path, r, failures);
            }
        }
        for (String missing : List.of("/no/such/page", "/t/" + tenant + "/jobs/999999999")) {
            Response r = given().redirects().follow(false).get(missing);
            if (!"no-store".equals(r.header("Cache-Control"))) {
                failures.add(missing + " (error page): Cache-Control " + r.header("Cache-Control"));
            }
            checkSecurityHeaders(missing, r, failures);
        }
        assertEquals(List.of(), failures);
        assertTrue(pages >= 20, "GET routes checked: " + pages);
    }

    @Test
    void staticAssetsStayCacheable() {
        for (String asset : List.of("/css/portal.css", "/js/portal.js", "/js/submit.js", "/img/logo.svg",
                "/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js")) {
            Response r = given().get(asset);
            assertEquals(200, r.statusCode(), asset);
            String cache = r.header("Cache-Control");
            assertTrue(cache == null || !cache.contains("no-store"), asset + ": " + cache);
        }
    }

    private static void checkSecurityHeaders(String path, Response r, List<String> failures) {
        String csp = r.header("Content-Security-Policy");
        if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("script-src 'self'") || csp.contains("unsafe-inline")) {
            failures.add(path + ": Content-Security-Policy " + csp);
        }
        if (!"nosniff".equals(r.header("X-Content-Type-Options"))) {
            failures.add(path + ": X-Content-Type-Options " + r.header("X-Content-Type-Options"));
        }
    }
}
