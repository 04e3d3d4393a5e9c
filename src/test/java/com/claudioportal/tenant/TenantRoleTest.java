package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.SignIn;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.infra.WebClient;
import com.claudioportal.profile.Profile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may use which route, written down from the README's role descriptions, not read from the
 * code's annotations: staff submit and track jobs; a tenant admin has staff rights plus the Claudio
 * connection, profiles, presets, members and the audit log; an auditor reads job metadata and the
 * audit log, never content; the platform admin has the platform pages. Every row is tried by every
 * kind of person with a real request that would succeed (valid fixtures): allowed means the
 * route's success status, denied means 403 (404 for people outside the tenant, the sign-in
 * redirect for anonymous visitors), and a disabled tenant shows its own 403 page to everybody.
 * The table must name exactly the routes the portal has: a new route fails until it is classified.
 */
@QuarkusTest
public class TenantRoleTest extends TenantTestBase {

    /** The kinds of person, each one of {@link #world}'s people. */
    public enum Who {
        STAFF(TenantRoleTest.STAFF), TENANT_ADMIN(ADMIN_USER), AUDITOR(TenantRoleTest.AUDITOR),
        PLATFORM_ADMIN(PLATFORM_USER, CurrentUser.PLATFORM_ADMIN_ROLE);

        private final SignIn signIn;

        Who(String email, String... roles) {
            this.signIn = SignIn.as(email, roles);
        }

        /** Signed in as this kind's person. */
        public SignIn signIn() {
            return signIn;
        }
    }

    static final Set<Who> MEMBERS = EnumSet.of(Who.STAFF, Who.TENANT_ADMIN, Who.AUDITOR);
    static final Set<Who> STAFF_WORK = EnumSet.of(Who.STAFF, Who.TENANT_ADMIN);
    static final Set<Who> ADMIN = EnumSet.of(Who.TENANT_ADMIN);
    static final Set<Who> AUDIT = EnumSet.of(Who.AUDITOR, Who.TENANT_ADMIN);
    static final Set<Who> PLATFORM = EnumSet.of(Who.PLATFORM_ADMIN);
    /** Anyone signed in (the sign-in button's target). */
    static final Set<Who> SIGNED_IN = EnumSet.allOf(Who.class);

    /** One route: who may use it, what it answers them, and the form a real request sends. */
    public record Rule(String method, String path, Set<Who> allowed, int success, Function<Ids, Map<String, ?>> form) {
        public String key() {
            return method + " " + path;
        }

        public boolean tenantRoute() {
            return path.startsWith("/t/{tenant}");
        }
    }

    static Rule get(String path, Set<Who> allowed, int success) {
        return new Rule("GET", path, allowed, success, ids -> Map.of());
    }

    static Rule post(String path, Set<Who> allowed, int success, Function<Ids, Map<String, ?>> form) {
        return new Rule("POST", path, allowed, success, form);
    }

    static Rule post(String path, Set<Who> allowed, int success) {
        return post(path, allowed, success, ids -> Map.of());
    }

    /**
     * The table, in the order the requests are made (reads before changes; removals last, so that
     * each request finds the records it needs). {@code /} is open to everybody and not listed.
     */
    public static final List<Rule> TABLE = List.of(
            get("/login", SIGNED_IN, 303),
            get("/platform/tenants", PLATFORM, 200),
            get("/platform/tenants/{id}", PLATFORM, 200),
            get("/platform/encryption", PLATFORM, 200),
            get("/platform/audit", PLATFORM, 200),
            get("/platform/audit/platform", PLATFORM, 200),
            get("/platform/audit/platform/event", PLATFORM, 303),
            get("/platform/audit/platform/export", PLATFORM, 200),
            get("/platform/audit/tenants/{id}", PLATFORM, 200),
            get("/platform/audit/tenants/{id}/event", PLATFORM, 303),
            get("/platform/audit/tenants/{id}/export", PLATFORM, 200),
            get("/t/{tenant}", MEMBERS, 200),
            get("/t/{tenant}/jobs", MEMBERS, 200),
            get("/t/{tenant}/jobs/new", STAFF_WORK, 303),
            // many recordings, one job each: job names and file names, so not for auditors
            get("/t/{tenant}/jobs/bulk", STAFF_WORK, 200),
            get("/t/{tenant}/jobs/bulk/{batchKey}", STAFF_WORK, 200),
            get("/t/{tenant}/jobs/bulk/{batchKey}/progress", STAFF_WORK, 200),
            get("/t/{tenant}/jobs/{jobId}", MEMBERS, 200),
            get("/t/{tenant}/jobs/{jobId}/progress", MEMBERS, 200),
            get("/t/{tenant}/jobs/{jobId}/transcripts/{index}", STAFF_WORK, 303),
            get("/t/{tenant}/jobs/{jobId}/media/{index}", STAFF_WORK, 303),
            get("/t/{tenant}/uploads/{uploadId}/media", STAFF_WORK, 200),
            get("/t/{tenant}/audit", AUDIT, 200),
            get("/t/{tenant}/audit/event", AUDIT, 303),
            get("/t/{tenant}/audit/export", AUDIT, 200),
            get("/t/{tenant}/admin/connection", ADMIN, 200),
            get("/t/{tenant}/admin/members", ADMIN, 200),
            get("/t/{tenant}/admin/profiles", ADMIN, 200),
            get("/t/{tenant}/admin/profiles/new", ADMIN, 200),
            get("/t/{tenant}/admin/profiles/{profileId}", ADMIN, 200),
            get("/t/{tenant}/admin/profiles/{profileId}/export", ADMIN, 200),
            get("/t/{tenant}/admin/presets", ADMIN, 200),
            get("/t/{tenant}/admin/presets/new", ADMIN, 200),
            get("/t/{tenant}/admin/presets/{presetId}", ADMIN, 200),
            get("/t/{tenant}/notifications", MEMBERS, 200),
            get("/t/{tenant}/notifications/bell", MEMBERS, 200),
            get("/t/{tenant}/turnaround", AUDIT, 200),
            get("/t/{tenant}/admin/mail", ADMIN, 200),
            get("/t/{tenant}/admin/retention", ADMIN, 200),
            get("/t/{tenant}/jobs/{jobId}/erase", ADMIN, 200),
            get("/settings", SIGNED_IN, 200),
            get("/t/{tenant}/jobs/{jobId}/cancel", STAFF_WORK, 200), // the question before cancelling

            post("/t/{tenant}/uploads", STAFF_WORK, 200),
            // removed while no job needs it (a job in flight would keep it: 409), then saved again
            post("/t/{tenant}/admin/connection/remove", ADMIN, 303),
            post("/t/{tenant}/admin/connection", ADMIN, 303, ids -> Map.of("baseUrl", "http://localhost:1/claudio",
                    // tails of their own: AuditHygieneScanTest looks for a secret's last characters in every event, and names carry ids.unique
                    "apiKey", "role-key-" + ids.unique + "-KEY9", "apiSecret", "role-secret-" + ids.unique + "-SEC7")),
            post("/t/{tenant}/admin/connection/test", ADMIN, 200), // the page again, with the verdict (nothing saved)
            post("/t/{tenant}/admin/connection/webhook", ADMIN, 200),
            post("/t/{tenant}/jobs/new", STAFF_WORK, 303, TenantRoleTest::submitForm),
            post("/t/{tenant}/jobs/bulk", STAFF_WORK, 303, TenantRoleTest::bulkForm),
            post("/t/{tenant}/jobs/{jobId}/check", STAFF_WORK, 303),
            post("/t/{tenant}/jobs/{jobId}/link", STAFF_WORK, 303, ids -> Map.of("reference", "REF-LINK-1")),
            post("/t/{tenant}/jobs/{jobId}/submit-again", STAFF_WORK, 303),
            post("/t/{tenant}/jobs/{jobId}/retry", STAFF_WORK, 303),
            post("/t/{tenant}/jobs/{jobId}/cancel", STAFF_WORK, 303),
            post("/t/{tenant}/jobs/{jobId}/claudio-details", STAFF_WORK, 303),
            post("/t/{tenant}/jobs/{jobId}/schedule", ADMIN, 303, ids -> Map.of("priority", "URGENT", "dueAt", "")),
            // each person's own notification (notifications are their recipient's only)
            post("/t/{tenant}/notifications/{notificationId}/read", MEMBERS, 303),
            post("/t/{tenant}/notifications/{notificationId}/open", MEMBERS, 303),
            post("/t/{tenant}/notifications/read-all", MEMBERS, 303),
            post("/t/{tenant}/admin/mail/{mailId}/retry", ADMIN, 303),
            post("/t/{tenant}/admin/retention", ADMIN, 303, ids -> Map.of("keep", "days", "days", "30")),
            post("/settings", SIGNED_IN, 303, ids -> Map.of("mailDelivery", "DIGEST", "mailCompleted", "true")),
            post("/t/{tenant}/uploads/{uploadId}/delete", STAFF_WORK, 200),
            post("/t/{tenant}/admin/members", ADMIN, 303, ids -> Map.of("email", "new-" + ids.unique + "@roles.test", "role", "STAFF")),
            post("/t/{tenant}/admin/members/{memberId}/role", ADMIN, 303, ids -> Map.of("role", "AUDITOR")),
            post("/t/{tenant}/admin/profiles/import", ADMIN, 303, ids -> Map.of("json", ids.seedJson)),
            post("/t/{tenant}/admin/profiles/new", ADMIN, 303, ids -> profileForm("New " + ids.unique)),
            post("/t/{tenant}/admin/profiles/{profileId}", ADMIN, 303, ids -> profileForm("Edited " + ids.unique)),
            post("/t/{tenant}/admin/profiles/{profileId}/turnaround", ADMIN, 303, ids -> Map.of("expectedTurnaroundHours", "48")),
            post("/t/{tenant}/admin/presets/new", ADMIN, 303, ids -> presetForm("Preset " + ids.unique)),
            post("/t/{tenant}/admin/presets/{presetId}", ADMIN, 303, ids -> presetForm("Renamed " + ids.unique)),
            post("/t/{tenant}/admin/presets/{presetId}/delete", ADMIN, 303),
            post("/t/{tenant}/jobs/{jobId}/erase", ADMIN, 303),
            post("/t/{tenant}/admin/profiles/{profileId}/disable", ADMIN, 303),
            post("/t/{tenant}/admin/profiles/{profileId}/enable", ADMIN, 303),
            post("/t/{tenant}/admin/members/{memberId}/remove", ADMIN, 303),
            post("/platform/tenants", PLATFORM, 303, ids -> Map.of("name", "Created " + ids.unique, "id", "created-" + ids.unique,
                    "organizationAlias", "", "firstAdminEmail", "first-" + ids.unique + "@roles.test")),
            post("/platform/tenants/{id}", PLATFORM, 303, ids -> Map.of("name", "Renamed " + ids.unique, "organizationAlias", "")),
            post("/platform/tenants/{id}/disable", PLATFORM, 303),
            post("/platform/tenants/{id}/enable", PLATFORM, 303),
            post("/platform/encryption/reencrypt", PLATFORM, 303),
            post("/t/{tenant}/audit/verify", AUDIT, 303),
            post("/platform/audit/platform/verify", PLATFORM, 303),
            post("/platform/audit/tenants/{id}/verify", PLATFORM, 303),
            post("/platform/audit/tenants/{id}/retention", PLATFORM, 303, ids -> Map.of("years", "7")));

    public static final String STAFF = "staff@roles.test";
    public static final String ADMIN_USER = "admin@roles.test";
    public static final String AUDITOR = "auditor@roles.test";
    public static final String PLATFORM_USER = "platform@roles.test";
    static final String OUTSIDER = "outsider@roles.test";
    static final String MEMBER_OF_DISABLED = "paused@roles.test";

    /** The records a fresh tenant gets for one test; every person's requests aim at these. */
    public static final class Ids {
        public final Map<String, String> path = new LinkedHashMap<>();
        public String unique;
        public String tenant;
        public long versionId;
        public String submitUploadId;
        public String bulkUploadId;
        public String seedJson;
        /** Each member's own notification of the job. */
        public final Map<Who, String> notificationOf = new java.util.EnumMap<>(Who.class);
    }

    Ids ids;

    @BeforeEach
    void tenantWithEveryRole() throws Exception {
        ids = world(fixtures, scope);
    }

    /** A fresh tenant with a member of each role and a record of each kind the routes name (also for the pages walked in French). */
    public static Ids world(Fixtures fixtures, TenantScope scope) throws Exception {
        Ids ids = new Ids();
        ids.unique = UUID.randomUUID().toString().substring(0, 8);
        String tenant = fixtures.tenant("Roles Clinic", ADMIN_USER);
        ids.tenant = tenant;
        fixtures.member(tenant, AUDITOR, TenantRole.AUDITOR);
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        String victim = Fixtures.email("victim");
        fixtures.member(tenant, victim, TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);
        ids.versionId = scope.call(tenant, () -> Profile.<Profile> findById(profile).currentVersionId);
        ids.submitUploadId = fixtures.upload(tenant).toString();
        ids.bulkUploadId = fixtures.upload(tenant).toString();
        try (var in = TenantRoleTest.class.getResourceAsStream("/seed/claudio-submit-job.json")) {
            ids.seedJson = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ids.path.put("tenant", tenant);
        ids.path.put("id", fixtures.tenant("Platform Target", Fixtures.email("admin")));
        ids.path.put("memberId", String.valueOf(fixtures.membershipId(tenant, victim)));
        ids.path.put("profileId", String.valueOf(profile));
        ids.path.put("jobId", String.valueOf(fixtures.finishedJob(tenant, profile)));
        ids.path.put("batchKey", fixtures.batch(tenant, fixtures.finishedJob(tenant, profile)));
        ids.path.put("uploadId", fixtures.upload(tenant).toString());
        ids.path.put("index", "0");
        ids.path.put("presetId", String.valueOf(fixtures.preset(tenant, "Dr. R", Map.of("specialist_name", "Dr. R"))));
        long job = Long.parseLong(ids.path.get("jobId"));
        ids.notificationOf.put(Who.STAFF, String.valueOf(fixtures.notification(tenant, job, STAFF)));
        ids.notificationOf.put(Who.TENANT_ADMIN, String.valueOf(fixtures.notification(tenant, job, ADMIN_USER)));
        ids.notificationOf.put(Who.AUDITOR, String.valueOf(fixtures.notification(tenant, job, AUDITOR)));
        ids.path.put("notificationId", ids.notificationOf.get(Who.STAFF));
        ids.path.put("mailId", String.valueOf(fixtures.outboxMail(tenant, STAFF)));
        return ids;
    }

    @Test
    void theTableNamesEveryRouteThePortalHasAndNoOther() {
        Set<String> actual = Routes.all().stream().map(r -> r.method() + " " + r.template())
                .filter(r -> !r.equals("GET /")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = TABLE.stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(TABLE.size(), listed.size(), "a route is listed twice");
        Set<String> unlisted = new TreeSet<>(actual);
        unlisted.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(actual);
        assertEquals(Set.of(), unlisted, "routes without a row in TABLE: decide who may use them");
        assertEquals(Set.of(), gone, "rows in TABLE for routes that do not exist");
        assertEquals(64, actual.stream().filter(r -> r.contains(" /t/{tenant}")).count(), "tenant routes");
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void everyoneMayUseTheirRoutesAndNoOther(Who who) throws Exception {
        who.signIn().run(() -> assertEveryRoute(who));
    }

    /** Signed in, but no member of the tenant: its pages do not exist for them. */
    @Test
    @SignedInAs(OUTSIDER)
    void someoneOutsideTheTenant() {
        List<String> failures = new ArrayList<>();
        WebClient.Csrf csrf = WebClient.csrf("/");
        for (Rule rule : ordered()) {
            int expected = rule.tenantRoute() ? 404 : rule.allowed().equals(SIGNED_IN) ? rule.success() : 403;
            check(rule, csrf, expected, "an outsider", failures);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        List<String> failures = new ArrayList<>();
        for (Rule rule : ordered()) {
            if (!rule.method().equals("GET")) {
                continue;
            }
            Response response = given().redirects().follow(false).get(path(rule));
            String location = response.header("Location");
            if (response.statusCode() != 302 || location == null || !location.contains("/authorize")) {
                failures.add(rule.key() + " answered " + response.statusCode() + " " + location);
            }
        }
        assertEquals(List.of(), failures);
        given().get("/").then().statusCode(200).body(containsString("Sign in"));
    }

    /** Whatever their role, members of a disabled tenant get its explanation on every tenant route. */
    @Test
    @SignedInAs(MEMBER_OF_DISABLED)
    void aDisabledTenantIsClosedToEveryRole() {
        List<String> tenants = new ArrayList<>();
        for (TenantRole role : TenantRole.values()) {
            String t = fixtures.tenantWithMember("Paused " + role.name(), MEMBER_OF_DISABLED, role);
            tenants.add(t);
        }
        WebClient.Csrf csrf = WebClient.csrf("/");
        tenants.forEach(t -> QuarkusTransaction.requiringNew().run(() -> Tenant.<Tenant> findById(t).enabled = false));
        List<String> failures = new ArrayList<>();
        for (String t : tenants) {
            for (Rule rule : ordered()) {
                if (!rule.tenantRoute()) {
                    continue;
                }
                Response response = send(rule, csrf, name -> name.equals("tenant") ? t : ids.path.get(name));
                if (response.statusCode() != 403 || !response.asString().contains("has been disabled by the platform administrator")) {
                    failures.add(rule.key() + " in " + t + " answered " + response.statusCode());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    @SignedInAs(AUDITOR)
    void forbiddenPagesAreFriendly() {
        given().get("/t/" + ids.tenant + "/admin/members").then().statusCode(403)
                .body(containsString("Not allowed"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    private void assertEveryRoute(Who who) {
        List<String> failures = new ArrayList<>();
        WebClient.Csrf csrf = WebClient.csrf(who == Who.PLATFORM_ADMIN ? "/platform/tenants" : "/t/" + ids.tenant);
        ids.path.put("notificationId", ids.notificationOf.getOrDefault(who, ids.notificationOf.get(Who.STAFF)));
        int allowed = 0;
        int denied = 0;
        for (Rule rule : ordered()) {
            boolean may = rule.allowed().contains(who);
            int expected = may ? rule.success() : rule.tenantRoute() && who == Who.PLATFORM_ADMIN ? 404 : 403;
            if (may) {
                allowed++;
            } else {
                denied++;
            }
            check(rule, csrf, expected, who.name(), failures);
        }
        assertEquals(List.of(), failures);
        assertTrue(allowed > 0 && denied > 0, who + ": " + allowed + " allowed, " + denied + " denied");
    }

    private void check(Rule rule, WebClient.Csrf csrf, int expected, String who, List<String> failures) {
        Response response = send(rule, csrf, ids.path::get);
        int status = response.statusCode();
        String location = response.header("Location");
        boolean signInRedirect = location != null && location.contains("/authorize");
        if (status != expected || signInRedirect) {
            String body = response.asString();
            failures.add(rule.key() + " answered " + status + (location == null ? "" : " -> " + location) + " to " + who
                    + ", expected " + expected + (status >= 400 ? ": " + excerpt(body) : ""));
        }
    }

    private Response send(Rule rule, WebClient.Csrf csrf, Function<String, String> pathIds) {
        String path = Routes.expand(rule.path(), pathIds);
        if (rule.key().equals("POST /t/{tenant}/uploads")) {
            String tenant = pathIds.apply("tenant");
            return WebClient.upload(tenant, "AUDIO", TestFiles.wav("role-" + UUID.randomUUID() + ".wav", 1), "dictation.wav", csrf);
        }
        if (rule.key().equals("POST /t/{tenant}/admin/profiles/import")) {
            // as the page sends it: multipart (a urlencoded value over 2 KB would be refused with 413)
            String json = ids.seedJson.replace("IME with Structura Doc Extraction", "Imported " + ids.unique);
            return given().redirects().follow(false).cookie("portal-csrf", csrf.cookie()).multiPart("csrf-token", csrf.token())
                    .multiPart(new io.restassured.builder.MultiPartSpecBuilder(json).controlName("json").mimeType("text/plain")
                            .charset(java.nio.charset.StandardCharsets.UTF_8).build())
                    .post(path);
        }
        return WebClient.send(rule.method(), path, csrf, rule.form().apply(ids));
    }

    /** The page's messages (error summary, field errors), without the layout around them. */
    static String excerpt(String html) {
        java.util.regex.Matcher errors = java.util.regex.Pattern.compile("(?s)data-field-error=\"[^\"]*\"[^>]*>(.*?)</").matcher(html);
        if (errors.find()) {
            return errors.group(1).trim();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)<main.*?>(.*?)</main>").matcher(html);
        String text = (m.find() ? m.group(1) : html).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        return text.substring(0, Math.min(300, text.length()));
    }

    private String path(Rule rule) {
        return Routes.expand(rule.path(), ids.path::get);
    }

    private static List<Rule> ordered() {
        List<Rule> rules = new ArrayList<>(TABLE.stream().filter(r -> r.method().equals("GET")).toList());
        rules.addAll(TABLE.stream().filter(r -> !r.method().equals("GET")).toList());
        return rules;
    }

    private static Map<String, ?> submitForm(Ids ids) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("submissionKey", UUID.randomUUID().toString());
        form.put("profileVersionId", String.valueOf(ids.versionId));
        form.put("jobName", "Role check " + ids.unique);
        form.put("isRaw", "0");
        form.put("f.specialist_name", "Dr. Role");
        form.put("audioId", ids.submitUploadId);
        form.put("audioStart", "");
        form.put("audioEnd", "");
        return form;
    }

    private static Map<String, ?> bulkForm(Ids ids) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("batchKey", UUID.randomUUID().toString());
        form.put("profileVersionId", String.valueOf(ids.versionId));
        form.put("presetId", "");
        form.put("isRaw", "0");
        form.put("audioId", ids.bulkUploadId);
        form.put("jobName", "Bulk role check " + ids.unique);
        return form;
    }

    private static Map<String, ?> profileForm(String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("displayName", name);
        form.put("claudioProfileId", "P-" + name.hashCode());
        form.put("formId", "F-1");
        form.put("profileName", name);
        form.put("defaultIsRaw", "0");
        form.put("docTypes", "loi");
        form.put("fieldKey", List.of("specialist_name"));
        form.put("fieldLabel", List.of("Medical Specialist"));
        form.put("fieldType", List.of("string"));
        form.put("fieldUiType", List.of("string"));
        form.put("fieldDesc", List.of(""));
        form.put("fieldDefault", List.of(""));
        form.put("fieldRequired", List.of("no"));
        form.put("fieldOptions", List.of(""));
        form.put("action", "save");
        return form;
    }

    private static Map<String, ?> presetForm(String name) {
        return Map.of("name", name, "valueKey", List.of("specialist_name"), "valueText", List.of("Dr. Preset"), "action", "save");
    }
}
