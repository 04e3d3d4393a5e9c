package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseSnapshot;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.Routes.Route;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.infra.WebClient;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.CurrentUser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every unsafe route of the portal (enumerated from the compiled resources) refuses a request
 * without the CSRF token, with a wrong token, and without the CSRF cookie, even from someone
 * allowed to use it, with a form that would otherwise succeed: the expired-form page (400), and
 * the database holds exactly what it held before.
 */
@QuarkusTest
class CsrfEveryFormTest extends TenantTestBase {

    static final String ADMIN = "admin@csrf.test";
    static final String PLATFORM = "platform@csrf.test";

    @Inject
    DatabaseSnapshot snapshot;

    String tenant;
    Map<String, String> ids;
    /** A bulk form (many recordings) that would make a job with the token. */
    Map<String, Object> bulk;

    @BeforeEach
    void tenantWithRecords() {
        tenant = fixtures.tenant("Csrf Clinic", ADMIN);
        fixtures.connection(tenant);
        ids = new HashMap<>(fixtures.routeIds(tenant, ADMIN));
        // the platform forms change this tenant
        ids.put("id", tenant);
        long profile = Long.parseLong(ids.get("profileId"));
        long version = fixtures.currentVersion(tenant, profile);
        bulk = Map.of("batchKey", UUID.randomUUID().toString(), "profileVersionId", String.valueOf(version), "presetId", "", "isRaw", "0",
                "audioId", fixtures.upload(tenant).toString(), "jobName", "Csrf bulk");
    }

    @Test
    @SignedInAs(ADMIN)
    void everyTenantFormRefusesAMissingOrWrongToken() {
        assertEveryUnsafeRouteRefuses(true, "/t/" + tenant);
    }

    @Test
    @SignedInAs(value = PLATFORM, roles = CurrentUser.PLATFORM_ADMIN_ROLE)
    void everyPlatformFormRefusesAMissingOrWrongToken() {
        assertEveryUnsafeRouteRefuses(false, "/platform/tenants");
    }

    /**
     * The token reaches every form one way: the {@code {#form}} tag writes the {@code <form>} and its
     * CSRF field, so no template writes a {@code <form>} (or the field) by hand and none can forget it.
     */
    @Test
    void everyFormIsWrittenByTheFormTag() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        Path tag = templates.resolve("tags/form.html");
        List<String> byHand = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String text = Files.readString(f);
                if (!f.equals(tag) && (text.contains("<form") || text.contains("</form>") || text.contains("csrf.token"))) {
                    byHand.add(templates.relativize(f).toString());
                }
            }
        }
        assertEquals(List.of(), byHand, "templates that write a form or the CSRF field by hand instead of {#form}");
        String form = Files.readString(tag);
        assertTrue(form.contains("name=\"{inject:csrf.parameterName}\" value=\"{inject:csrf.token}\""), "the form tag writes the CSRF field");
    }

    private void assertEveryUnsafeRouteRefuses(boolean tenantRoutes, String page) {
        WebClient.Csrf csrf = WebClient.csrf(page);
        Map<String, String> before = snapshot.of(tenant);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : Routes.all()) {
            if (route.method().equals("GET") || route.isTenantRoute() != tenantRoutes) {
                continue;
            }
            checked++;
            String path = route.expand(ids::get);
            String wrong = UUID.randomUUID().toString().replace("-", "");
            check(route, "no token", request(route, given().cookie("portal-csrf", csrf.cookie()), null, path), failures);
            check(route, "a wrong token", request(route, given().cookie("portal-csrf", csrf.cookie()), wrong, path), failures);
            check(route, "no cookie", request(route, given(), csrf.token(), path), failures);
            Map<String, String> after = snapshot.of(tenant);
            if (!after.equals(before)) {
                failures.add(route + " changed the database: " + changed(before, after));
                before = after;
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= (tenantRoutes ? 32 : 6), "unsafe routes checked: " + checked);
    }

    /** What a browser would send for the route, with {@code token} (or none) as the CSRF token. */
    private Response request(Route route, RequestSpecification spec, String token, String path) {
        spec = spec.redirects().follow(false).accept("text/html,application/xhtml+xml");
        if (route.template().equals("/t/{tenant}/uploads")) {
            spec = spec.accept("application/json").contentType("application/octet-stream").header("X-File-Name", "csrf.wav")
                    .body(TestFiles.wav("csrf-" + UUID.randomUUID() + ".wav", 1).toFile());
            return (token == null ? spec : spec.header("X-CSRF-TOKEN", token)).post(path);
        }
        if (route.template().startsWith("/t/{tenant}/uploads/")) {
            // the submit page's script asks for JSON (the route answers nothing else)
            spec = spec.accept("application/json");
        }
        spec = spec.contentType("application/x-www-form-urlencoded");
        if (token != null) {
            spec = spec.formParam("csrf-token", token);
        }
        for (Map.Entry<String, Object> field : form(route).entrySet()) {
            spec = field.getValue() instanceof List<?> l ? spec.formParam(field.getKey(), l.toArray())
                    : spec.formParam(field.getKey(), field.getValue());
        }
        return spec.post(path);
    }

    /** A form that would succeed with the token, for the routes that take one. */
    private Map<String, Object> form(Route route) {
        String u = UUID.randomUUID().toString().substring(0, 8);
        return switch (route.template()) {
            case "/t/{tenant}/admin/members" -> Map.of("email", "new-" + u + "@csrf.test", "role", "STAFF");
            case "/t/{tenant}/admin/members/{memberId}/role" -> Map.of("role", "AUDITOR");
            case "/t/{tenant}/admin/connection" -> Map.of("baseUrl", "http://localhost:1/x", "apiKey", "k-" + u, "apiSecret", "s-" + u);
            case "/t/{tenant}/admin/presets/new", "/t/{tenant}/admin/presets/{presetId}" ->
                Map.of("name", "P " + u, "valueKey", List.of("specialist_name"), "valueText", List.of("Dr. P"), "action", "save");
            case "/t/{tenant}/admin/profiles/new", "/t/{tenant}/admin/profiles/{profileId}" -> Map.of("displayName", "Profile " + u,
                    "claudioProfileId", "P", "formId", "F", "profileName", "N", "docTypes", "loi", "fieldKey", List.of("a"),
                    "fieldLabel", List.of("A"), "fieldType", List.of("string"), "fieldUiType", List.of("string"), "action", "save");
            case "/t/{tenant}/jobs/{jobId}/link" -> Map.of("reference", "REF-1");
            case "/t/{tenant}/jobs/bulk" -> bulk;
            case "/t/{tenant}/jobs/{jobId}/schedule" -> Map.of("priority", "STAT", "dueAt", "");
            case "/t/{tenant}/admin/retention" -> Map.of("keep", "days", "days", "30");
            case "/t/{tenant}/admin/profiles/{profileId}/turnaround" -> Map.of("expectedTurnaroundHours", "48");
            case "/settings" -> Map.of("mailDelivery", "DIGEST", "mailCompleted", "true");
            case "/platform/tenants" -> Map.of("name", "Csrf " + u, "id", "csrf-" + u, "firstAdminEmail", "a-" + u + "@csrf.test");
            case "/platform/tenants/{id}" -> Map.of("name", "Renamed " + u);
            default -> Map.of();
        };
    }

    private static void check(Route route, String what, Response response, List<String> failures) {
        String body = response.asString();
        boolean explained = route.template().startsWith("/t/{tenant}/uploads")
                ? body.contains("The page has expired. Reload it and try again; nothing was saved.")
                : body.contains("This form has expired") && body.contains("Nothing was saved.");
        if (response.statusCode() != 400 || !explained) {
            failures.add(route + " with " + what + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(120, body.length())).replaceAll("\\s+", " "));
        }
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).toList().toString();
    }
}
