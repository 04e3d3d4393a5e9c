package com.claudioportal.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobResult;
import com.claudioportal.job.JobState;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.profile.Profile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Each recorded action, done the way a person does it (HTTP, with the CSRF token, as the role that
 * may do it), yields exactly one event with the right chain, action, outcome, target, person, role
 * and request facts; failed and refused attempts carry their outcome; repeated views coalesce.
 */
@QuarkusTest
class AuditEventsTest extends TenantTestBase {

    static final String STAFF = "staff@audit-events.test";
    static final String ADMIN = "admin@audit-events.test";
    static final String AUDITOR = "auditor@audit-events.test";
    static final String PLATFORM = "platform@audit-events.test";
    static final String OUTSIDER = "outsider@audit-events.test";

    @Inject
    ConnectionService connections;

    String tenant;
    long profile;
    long job;
    /** The job's id as the events name it, and where its pages are (the tenant's jobs). */
    String jobId;
    String jobs;

    /** What one action must have left in the log; null fields are not checked. */
    record Expected(String chain, String action, AuditOutcome outcome, String targetType, String targetId, String actor, String role,
            String detailsContain) {
    }

    record Event(long id, String chain, String action, String outcome, String targetType, String targetId, String actor, String role,
            String subject, String ip, String agent, String requestId, String details) {
    }

    @BeforeEach
    void tenantWithEveryRole() {
        tenant = fixtures.tenant("Audit Events Clinic", ADMIN);
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        fixtures.member(tenant, AUDITOR, TenantRole.AUDITOR);
        profile = fixtures.seedProfile(tenant);
        job = fixtures.finishedJob(tenant, profile);
        jobId = String.valueOf(job);
        jobs = "/t/" + tenant + "/jobs/";
    }

    @Test
    @SignedInAs(STAFF)
    void staffReadsAndActions() {
        String t = tenant;
        eachLeavesOneEvent(t, STAFF, "STAFF", reading(jobs + jobId, 200, "job.viewed", AuditOutcome.SUCCESS, "job", jobId, null));
        // the live view refreshing, and opening the page again, are the same viewing
        none(() -> {
            given().get(jobs + jobId + "/progress").then().statusCode(200);
            given().get(jobs + jobId).then().statusCode(200);
        });
        String upload = fixtures.upload(t).toString();
        eachLeavesOneEvent(t, STAFF, "STAFF",
                reading("/t/" + t + "/uploads/" + upload + "/media", 200, "job.recording-played", AuditOutcome.SUCCESS, "upload", upload, null));
        none(() -> given().header("Range", "bytes=100-").get("/t/" + t + "/uploads/" + upload + "/media").then().statusCode(206));
        // transcripts, media and the Claudio actions: staffAskingClaudioFromTheJobPage

        String failed = String.valueOf(failedJob());
        String retried = String.valueOf(failedJob());
        eachLeavesOneEvent(t, STAFF, "STAFF",
                // a completed job cannot be cancelled: the attempt is recorded as failed
                posting(jobs + jobId + "/cancel", Map.of(), 303, "job.cancelled", AuditOutcome.FAILURE, "job", jobId, "\"refused\":true"),
                posting(jobs + failed + "/cancel", Map.of(), 303, "job.cancelled", AuditOutcome.SUCCESS, "job", failed, null),
                posting(jobs + retried + "/retry", Map.of(), 303, "job.retried", AuditOutcome.SUCCESS, "job", retried, null));

        // the submit form: refused without a Claudio connection, then saved with one (the service's event, in the job's transaction)
        String version = String.valueOf(scope.call(t, () -> Profile.<Profile> findById(
                profile).currentVersionId));
        String recording = fixtures.upload(t).toString();
        Map<String, String> form = new LinkedHashMap<>(Map.of("profileVersionId", version, "jobName", "Évaluation de M. Tremblay",
                "isRaw", "0", "audioId", recording, "f.specialist_name", "Dr. Form Value"));
        form.put("submissionKey", java.util.UUID.randomUUID().toString());
        exactlyOne(() -> post("/t/" + t + "/jobs/new", form).then().statusCode(400),
                new Expected(t, "job.submitted", AuditOutcome.FAILURE, "job", null, STAFF, "STAFF", "\"status\":400"));
        scope.run(t, () -> connections.save("http://localhost:9/claudio", "events-key-0000", "events-secret-0000"));
        form.put("submissionKey", java.util.UUID.randomUUID().toString());
        Event submitted = exactlyOne(() -> post("/t/" + t + "/jobs/new", form).then().statusCode(303),
                new Expected(t, "job.submitted", AuditOutcome.SUCCESS, "job", null, STAFF, "STAFF", "\"recordings\":1"));
        assertTrue(!submitted.details().contains("Tremblay") && !submitted.details().contains("Form Value"), submitted.details());

        // uploads: kind, size and type, never the file's name
        String[] uploaded = new String[1];
        Event received = exactlyOne(() -> uploaded[0] = upload("AUDIO", TestFiles.wav("Jean Tremblay dictée.wav", 1), "Jean Tremblay dictée.wav")
                .then().statusCode(200).extract().path("id"),
                new Expected(t, "upload.received", AuditOutcome.SUCCESS, "upload", null, STAFF, "STAFF", "\"kind\":\"AUDIO\""));
        assertEquals(uploaded[0], received.targetId());
        assertTrue(!received.details().contains("Tremblay"), received.details());
        exactlyOne(() -> post("/t/" + t + "/uploads/" + uploaded[0] + "/delete", Map.of()).then().statusCode(200),
                new Expected(t, "upload.discarded", AuditOutcome.SUCCESS, "upload", uploaded[0], STAFF, "STAFF", null));
        exactlyOne(() -> upload("AUDIO", TestFiles.text("not-audio.txt", "hello"), "not-audio.txt").then().statusCode(415),
                new Expected(t, "upload.received", AuditOutcome.FAILURE, "upload", null, STAFF, "STAFF", "\"status\":415"));
    }

    @Test
    @SignedInAs(STAFF)
    void staffAskingClaudioFromTheJobPage() {
        String t = tenant;
        // fresh links, so that opening one asks Claudio nothing (there is none here); their names carry a patient's
        scope.run(t, () -> Job.<Job> findById(job).refreshLinks(new JobResult(List.of("https://transcripts.example.test/Tremblay-report.txt"),
                List.of("https://transcripts.example.test/Tremblay-dictée.mp3"), List.of(), "Le patient Tremblay", Instant.now().plusSeconds(300))));
        Event transcript = exactlyOne(() -> given().redirects().follow(false).get(jobs + jobId + "/transcripts/0").then().statusCode(303),
                new Expected(t, "job.transcript-opened", AuditOutcome.SUCCESS, "job", jobId, STAFF, "STAFF", "\"index\":1"));
        Event media = exactlyOne(() -> given().redirects().follow(false).get(jobs + jobId + "/media/0").then().statusCode(303),
                new Expected(t, "job.media-opened", AuditOutcome.SUCCESS, "job", jobId, STAFF, "STAFF", "\"index\":1"));
        assertTrue(!transcript.details().contains("Tremblay") && !media.details().contains("Tremblay") && !media.details().contains("https"),
                media.details());
        String atClaudio = String.valueOf(jobIn(JobState.SUBMITTED, "REF-CHECK-" + job));
        String lost = String.valueOf(jobIn(JobState.NEEDS_ATTENTION, null));
        eachLeavesOneEvent(t, STAFF, "STAFF",
                // a transcript the job does not have: refused (404), under the action that was attempted
                reading(jobs + jobId + "/transcripts/7", 404, "job.transcript-opened", AuditOutcome.DENIED, "job", jobId, "\"status\":404"),

                // check now: refused for a finished job, done for one Claudio is working on
                posting(jobs + jobId + "/check", Map.of(), 303, "job.checked", AuditOutcome.FAILURE, "job", jobId, "\"refused\":true"),
                posting(jobs + atClaudio + "/check", Map.of(), 303, "job.checked", AuditOutcome.SUCCESS, "job", atClaudio, null),
                // link and submit again are for a job whose submit answer was lost; elsewhere they are refused
                posting(jobs + jobId + "/link", Map.of("reference", "REF-LINK-1"), 303, "job.linked", AuditOutcome.FAILURE, "job", jobId,
                        "\"refused\":true"),
                posting(jobs + jobId + "/submit-again", Map.of(), 303, "job.resubmitted", AuditOutcome.FAILURE, "job", jobId, "\"refused\":true"),
                posting(jobs + lost + "/link", Map.of("reference", ""), 303, "job.linked", AuditOutcome.FAILURE, "job", lost, "\"refused\":true"),
                posting(jobs + lost + "/submit-again", Map.of(), 303, "job.resubmitted", AuditOutcome.SUCCESS, "job", lost, null));
    }

    @Test
    @SignedInAs(AUDITOR)
    void anAuditorOpeningATranscriptIsRefusedAndRecorded() {
        eachLeavesOneEvent(tenant, AUDITOR, "AUDITOR", reading(jobs + job + "/transcripts/0", 403, "job.transcript-opened",
                AuditOutcome.DENIED, "job", jobId, "\"status\":403"));
    }

    @Test
    @SignedInAs(STAFF)
    void refusedAccessIsRecordedOncePerPersonAndWindowWithTheCountLeftOut() throws Exception {
        String t = tenant;
        eachLeavesOneEvent(t, STAFF, "STAFF", posting("/t/" + t + "/admin/members", Map.of("email", "x@y.test", "role", "STAFF"), 403,
                "member.added", AuditOutcome.DENIED, "member", null, "\"status\":403"));
        none(() -> given().get("/t/" + t + "/audit").then().statusCode(403));
        Thread.sleep(2_100);
        eachLeavesOneEvent(t, STAFF, "STAFF",
                reading("/t/" + t + "/audit", 403, "audit.viewed", AuditOutcome.DENIED, "audit-log", t, "\"refusalsLeftOut\":1"));
        // platform pages refuse staff, recorded in the platform's log
        eachLeavesOneEvent(AuditTrail.PLATFORM, STAFF, null,
                reading("/platform/audit/platform", 403, "audit.viewed", AuditOutcome.DENIED, "audit-log", null, "\"status\":403"));
    }

    @Test
    @SignedInAs(OUTSIDER)
    void anOutsidersAttemptIsRecordedInTheTenantItAimedAt() {
        eachLeavesOneEvent(tenant, OUTSIDER, null,
                reading(jobs + job, 404, "job.viewed", AuditOutcome.DENIED, "job", jobId, "\"status\":404"));
    }

    @Test
    @SignedInAs(ADMIN)
    void tenantAdminChanges() {
        String t = tenant;
        String members = "/t/" + t + "/admin/members";
        String newcomer = "new-member@audit-events.test";
        eachLeavesOneEvent(t, ADMIN, "TENANT_ADMIN",
                posting(members, Map.of("email", newcomer, "role", "STAFF"), 303, "member.added", AuditOutcome.SUCCESS, "member", newcomer,
                        "\"role\":\"STAFF\""),
                posting(members, Map.of("email", "not an address", "role", "STAFF"), 400, "member.added", AuditOutcome.FAILURE, "member", null,
                        "\"status\":400"));
        String member = members + "/" + fixtures.membershipId(t, newcomer);
        eachLeavesOneEvent(t, ADMIN, "TENANT_ADMIN",
                posting(member + "/role", Map.of("role", "AUDITOR"), 303, "member.role-changed", AuditOutcome.SUCCESS, "member", newcomer,
                        "\"to\":\"AUDITOR\""),
                posting(member + "/remove", Map.of(), 303, "member.removed", AuditOutcome.SUCCESS, "member", newcomer, null));

        String base = "/t/" + t + "/admin/connection";
        Map<String, String> created = Map.of("baseUrl", "http://localhost:9/claudio", "apiKey", "audit-key-QWER5678", "apiSecret",
                "audit-secret-ASDF4321");
        Map<String, String> rotated = Map.of("baseUrl", "http://localhost:9/claudio", "apiKey", "audit-key-ZXCV0001", "apiSecret",
                "audit-secret-ZXCV0002");
        Map<String, String> refused = Map.of("baseUrl", "http://10.0.0.5/claudio", "apiKey", "", "apiSecret", "");
        String profiles = "/t/" + t + "/admin/profiles/" + profile;
        String p = String.valueOf(profile);
        String preset = String.valueOf(fixtures.preset(t, "Dr. Events", Map.of("specialist_name", "Dr. Events")));
        eachLeavesOneEvent(t, ADMIN, "TENANT_ADMIN",
                posting(base, created, 303, "connection.created", AuditOutcome.SUCCESS, "connection", "http://localhost:9/claudio", null),
                posting(base, rotated, 303, "connection.credentials-rotated", AuditOutcome.SUCCESS, "connection", null,
                        "\"credentials\":\"replaced\""),
                posting(base, refused, 400, "connection.updated", AuditOutcome.FAILURE, "connection", null, "\"status\":400"),
                // since the harden merge the test answers with the connection page itself and names the outcome
                posting(base + "/test", Map.of(), 200, "connection.tested", AuditOutcome.SUCCESS, "connection", null,
                        "\"outcome\":\"UNREACHABLE\""),
                posting(base + "/webhook", Map.of(), 200, "webhook.created", AuditOutcome.SUCCESS, "webhook", null, null),
                posting(base + "/webhook", Map.of(), 200, "webhook.regenerated", AuditOutcome.SUCCESS, "webhook", null, null),
                posting(base + "/remove", Map.of(), 303, "connection.removed", AuditOutcome.SUCCESS, "connection", null, null),
                reading(profiles + "/export", 200, "profile.exported", AuditOutcome.SUCCESS, "profile", p, null),
                posting(profiles + "/disable", Map.of(), 303, "profile.disabled", AuditOutcome.SUCCESS, "profile", p, null),
                posting(profiles + "/disable", Map.of(), 303, "profile.disabled", AuditOutcome.SUCCESS, "profile", p, "\"changed\":false"),
                posting(profiles + "/enable", Map.of(), 303, "profile.enabled", AuditOutcome.SUCCESS, "profile", p, null),
                posting("/t/" + t + "/admin/presets/" + preset + "/delete", Map.of(), 303, "preset.deleted", AuditOutcome.SUCCESS, "preset",
                        preset, null));
    }

    @Test
    @SignedInAs(AUDITOR)
    void auditorsReadingTheLogAndAJob() {
        String log = "/t/" + tenant + "/audit";
        String ofTheJob = "\"job\":\"" + jobId + "\"";
        eachLeavesOneEvent(tenant, AUDITOR, "AUDITOR",
                reading(jobs + jobId, 200, "job.viewed", AuditOutcome.SUCCESS, "job", jobId, null),
                reading(log + "?job=" + jobId, 200, "audit.viewed", AuditOutcome.SUCCESS, "audit-log", tenant, ofTheJob));
        none(() -> given().get(log + "?group=ACCESS").then().statusCode(200));
        eachLeavesOneEvent(tenant, AUDITOR, "AUDITOR",
                reading(log + "/export?job=" + jobId, 200, "audit.exported", AuditOutcome.SUCCESS, "audit-log", tenant, ofTheJob),
                posting(log + "/verify", Map.of("mode", "incremental"), 303, "audit.verified", AuditOutcome.SUCCESS, "audit-log", tenant,
                        "\"intact\":true"),
                reading(log + "?from=2026-13-01", 400, "audit.viewed", AuditOutcome.FAILURE, "audit-log", tenant, "\"status\":400"));
    }

    @Test
    @SignedInAs(value = PLATFORM, roles = "platform-admin")
    void platformAdminActions() {
        String t = tenant;
        String id = "events-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        exactlyOne(() -> post("/platform/tenants", Map.of("name", "Événements Clinique", "id", id, "organizationAlias", "",
                "firstAdminEmail", "first@audit-events.test")).then().statusCode(303),
                new Expected(id, "tenant.created", AuditOutcome.SUCCESS, "tenant", id, PLATFORM, "PLATFORM_ADMIN", "first@audit-events.test"));
        exactlyOne(() -> post("/platform/tenants", Map.of("name", "Again", "id", id, "organizationAlias", "",
                "firstAdminEmail", "first@audit-events.test")).then().statusCode(400),
                new Expected(AuditTrail.PLATFORM, "tenant.created", AuditOutcome.FAILURE, "tenant", null, PLATFORM, "PLATFORM_ADMIN", null));
        String tenantLog = "/platform/audit/tenants/" + t;
        eachLeavesOneEvent(t, PLATFORM, "PLATFORM_ADMIN",
                posting("/platform/tenants/" + t + "/disable", Map.of(), 303, "tenant.disabled", AuditOutcome.SUCCESS, "tenant", t, null),
                posting("/platform/tenants/" + t + "/enable", Map.of(), 303, "tenant.enabled", AuditOutcome.SUCCESS, "tenant", t, null),
                // opening a tenant's log is recorded in that tenant's log
                reading(tenantLog, 200, "audit.viewed", AuditOutcome.SUCCESS, "audit-log", t, null),
                posting(tenantLog + "/retention", Map.of("years", "8"), 303, "audit.retention-changed", AuditOutcome.SUCCESS, "audit-log", t,
                        "\"to\":8"),
                posting(tenantLog + "/retention", Map.of("years", "0"), 303, "audit.retention-changed", AuditOutcome.FAILURE, "audit-log", t,
                        null));
        eachLeavesOneEvent(AuditTrail.PLATFORM, PLATFORM, "PLATFORM_ADMIN",
                reading("/platform/audit/platform", 200, "audit.viewed", AuditOutcome.SUCCESS, "audit-log", null, null),
                posting("/platform/encryption/reencrypt", Map.of(), 303, "encryption.reencrypted", AuditOutcome.SUCCESS, "encryption", null,
                        "\"tenants\":"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A request of the test's person and the one event it must leave; null fields are not checked. */
    record Step(String method, String path, Map<String, String> form, int status, String action, AuditOutcome outcome, String targetType,
            String targetId, String detailsContain) {
    }

    /** A page opened (redirects not followed, so a 303 is the answer itself). */
    static Step reading(String path, int status, String action, AuditOutcome outcome, String targetType, String targetId, String details) {
        return new Step("GET", path, Map.of(), status, action, outcome, targetType, targetId, details);
    }

    /** A form sent the way the browser sends it ({@link #post}). */
    static Step posting(String path, Map<String, String> form, int status, String action, AuditOutcome outcome, String targetType,
            String targetId, String details) {
        return new Step("POST", path, form, status, action, outcome, targetType, targetId, details);
    }

    /** Takes each step in turn, as {@code actor} (recorded with {@code role}), each leaving exactly one event in {@code chain}. */
    void eachLeavesOneEvent(String chain, String actor, String role, Step... steps) {
        for (Step s : steps) {
            Runnable request = () -> (s.method().equals("GET") ? given().redirects().follow(false).get(s.path()) : post(s.path(), s.form()))
                    .then().statusCode(s.status());
            exactlyOne(request, new Expected(chain, s.action(), s.outcome(), s.targetType(), s.targetId(), actor, role, s.detailsContain()));
        }
    }

    /** A job of the tenant in {@code state}, with Claudio's {@code reference} (or none), not due for the worker. */
    long jobIn(JobState state, String reference) {
        long id = fixtures.finishedJob(tenant, profile);
        scope.run(tenant, () -> {
            Job j = Job.findById(id);
            j.status = state;
            j.claudioReference = reference;
            j.result = null;
            j.completedAt = null;
            j.nextAttemptAt = null;
        });
        return id;
    }

    long failedJob() {
        long id = fixtures.finishedJob(tenant, profile);
        scope.run(tenant, () -> {
            Job j = Job.findById(id);
            j.status = JobState.FAILED;
            j.claudioReference = null;
            j.nextAttemptAt = null;
        });
        return id;
    }

    Event exactlyOne(Runnable action, Expected expected) {
        List<Event> events = during(action, 1);
        if (events.size() != 1) {
            fail(expected.action() + ": expected exactly one event, got " + events);
        }
        Event e = events.get(0);
        assertEquals(expected.chain(), e.chain(), "chain of " + e);
        assertEquals(expected.action(), e.action(), "action of " + e);
        assertEquals(expected.outcome().name(), e.outcome(), "outcome of " + e);
        if (expected.targetType() != null) {
            assertEquals(expected.targetType(), e.targetType(), "target type of " + e);
        }
        if (expected.targetId() != null) {
            assertEquals(expected.targetId(), e.targetId(), "target of " + e);
        }
        assertEquals(expected.actor(), e.actor(), "actor of " + e);
        assertEquals(expected.role(), e.role(), "role of " + e);
        assertEquals(expected.actor(), e.subject(), "subject of " + e);
        if (expected.detailsContain() != null) {
            assertTrue(e.details().contains(expected.detailsContain()), e.details() + " should contain " + expected.detailsContain());
        }
        assertNotNull(e.ip(), "client address of " + e);
        assertNotNull(e.agent(), "user agent of " + e);
        assertTrue(e.requestId() != null && e.requestId().matches("[0-9a-f]{16}"), "request id of " + e);
        return e;
    }

    void none(Runnable action) {
        List<Event> events = during(action, 0);
        assertEquals(List.of(), events, "no event expected");
    }

    /**
     * The events written while {@code action} ran, waiting up to 10 s for {@code expected} of them: a
     * refusal answered on the event loop is recorded on a worker thread after its answer, and on a
     * loaded machine (CI saw it) the query could come first.
     */
    List<Event> during(Runnable action, int expected) {
        long before = ((Number) DatabaseOwner.query("select coalesce(max(id), 0) from audit_event").get(0)[0]).longValue();
        action.run();
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> eventsAfter(before), events -> events.size() >= expected);
        } catch (ConditionTimeoutException e) {
            return eventsAfter(before); // fewer than expected: the caller's assertion says which
        }
    }

    private List<Event> eventsAfter(long before) {
        List<Event> events = new ArrayList<>();
        for (Object[] r : DatabaseOwner.query("""
                select id, tenant_id, action, outcome, target_type, target_id, actor, actor_role, actor_subject, client_ip, user_agent,
                       request_id, details
                from audit_event where id > ? order by id""", before)) {
            events.add(new Event((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12]));
        }
        return events;
    }

    /** A form post the way the browser sends it: the CSRF cookie and token from a page the person can open. */
    Response post(String path, Map<String, String> params) {
        Response page = given().get(path.startsWith("/platform") ? "/platform/tenants" : "/t/" + tenant);
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        RequestSpecification spec = given().redirects().follow(false).cookie("portal-csrf", page.getCookie("portal-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
        for (Map.Entry<String, String> p : new LinkedHashMap<>(params).entrySet()) {
            spec = spec.formParam(p.getKey(), p.getValue());
        }
        return spec.post(path);
    }

    Response upload(String kind, Path file, String name) {
        Response page = given().get("/t/" + tenant);
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        try {
            return given().cookie("portal-csrf", page.getCookie("portal-csrf")).header("X-CSRF-TOKEN", token)
                    .header("X-File-Name", java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                    .contentType("application/octet-stream").body(Files.readAllBytes(file))
                    .post("/t/" + tenant + "/uploads?kind=" + kind);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
