package com.claudioportal.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditEvent;
import com.claudioportal.audit.AuditOutcome;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobState;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadStorage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Retention of job content: past the tenant's period the purge erases a finished job's name, field
 * values, transcript links, extracted fields, file names and stored files, keeps who, when,
 * profile, status and Claudio's reference, audits it and says so on the job page; younger jobs,
 * unfinished jobs and tenants without a period keep everything. A tenant admin erases one job at once.
 */
@QuarkusTest
class RetentionTest extends TenantTestBase {

    static final String ADMIN = "admin@retention.test";

    @Inject
    RetentionPurge purge;

    @Inject
    UploadStorage storage;

    String tenant;
    long profile;

    @BeforeEach
    void tenantKeepingThirtyDays() {
        tenant = fixtures.tenant("Maple Clinic", ADMIN);
        profile = fixtures.seedProfile(tenant);
        scope.run(tenant, () -> Tenant.<Tenant> findById(tenant).retentionDays = 30);
    }

    @Test
    void thePurgeErasesContentPastThePeriodAndKeepsTheMetadata() {
        long old = job(tenant, 40);
        long young = job(tenant, 5);
        long unfinished = job(tenant, 40);
        scope.run(tenant, () -> Job.<Job> findById(unfinished).status = JobState.NEEDS_ATTENTION);
        String other = fixtures.tenant("Harbour IME", Fixtures.email("admin"));
        long otherOld = job(other, 400); // Harbour keeps content until erased: no period
        Job before = read(tenant, old);
        String storedFile = storedPath(tenant, old);
        assertTrue(Files.exists(storage.resolve(storedFile)));

        assertTrue(purge.purge() >= 1);
        purge.purge(); // a second run (or instance) finds nothing more to do

        Job erased = read(tenant, old);
        assertNotNull(erased.contentErasedAt);
        assertEquals("system", erased.contentErasedBy);
        assertEquals("Job " + old, erased.name);
        assertEquals(Map.of(), erased.fieldValues());
        assertNull(erased.result, "transcript links and extracted fields are gone");
        assertEquals(List.of("Recording 1"), fileNames(tenant, old));
        assertNull(storedPath(tenant, old));
        assertFalse(Files.exists(storage.resolve(storedFile)), "the stored recording is deleted");
        // the metadata the audit needs stays
        assertEquals(before.submittedBy, erased.submittedBy);
        assertEquals(before.createdAt, erased.createdAt);
        assertEquals(before.completedAt, erased.completedAt);
        assertEquals(before.profileId, erased.profileId);
        assertEquals(JobState.COMPLETED, erased.status);
        assertEquals(before.claudioReference, erased.claudioReference);
        List<AuditEvent> audit = scope.call(tenant, () -> AuditEvent.<AuditEvent> list("action = ?1 and targetId = ?2",
                "job.content-erased", String.valueOf(old)));
        assertEquals(1, audit.size(), "erased and audited once");
        assertTrue(audit.get(0).details.contains("retention"), audit.get(0).details);
        assertFalse(audit.get(0).details.contains("Jeanne"), "no health information in the audit details");

        for (long kept : List.of(young, unfinished)) {
            Job j = read(tenant, kept);
            assertNull(j.contentErasedAt, "job " + kept + " keeps its content");
            assertEquals("Knee IME for Jeanne Dubé", j.name);
            assertEquals("Dr. Jeanne Roy", j.fieldValues().get("specialist_name"));
        }
        assertNull(read(other, otherOld).contentErasedAt, "a tenant without a retention period keeps its content");
    }

    @Test
    @SignedInAs(ADMIN)
    void theRetentionPageShowsThePeriodChosenKeepsATypingMistakeAndSavesAChange() {
        String page = "/t/" + tenant + "/admin/retention";
        String days = "id=\"keep-days\" value=\"days\" checked";
        String forever = "id=\"keep-forever\" value=\"forever\" checked";
        given().get(page).then().statusCode(200).body(containsString(days)).body(not(containsString(forever)))
                .body(containsString("name=\"days\" value=\"30\""));

        // a mistake is said beside the number, with the choice and what was typed kept, and nothing changes
        WebClient.Csrf csrf = WebClient.csrf(page);
        Response refused = WebClient.send("POST", page, csrf, Map.of("keep", "days", "days", "trente"));
        assertEquals(400, refused.statusCode());
        refused.then().body(containsString(days)).body(containsString("name=\"days\" value=\"trente\""))
                .body(containsString("data-field-error=\"days\">Enter a whole number of days.</div>"));
        assertEquals(30, scope.call(tenant, () -> Tenant.<Tenant> findById(tenant).retentionDays));
        // a choice off the list (a crafted post) is refused with the default shown and a summary link that lands on it
        Response crafted = WebClient.send("POST", page, csrf, Map.of("keep", "always", "days", ""));
        assertEquals(400, crafted.statusCode());
        crafted.then().body(containsString(forever)).body(containsString("href=\"#keep-forever\""));
        assertEquals(30, scope.call(tenant, () -> Tenant.<Tenant> findById(tenant).retentionDays));

        assertEquals(303, WebClient.send("POST", page, csrf, Map.of("keep", "forever", "days", "30")).statusCode());
        assertNull(scope.call(tenant, () -> Tenant.<Tenant> findById(tenant).retentionDays));
        given().get(page).then().statusCode(200).body(containsString(forever)).body(not(containsString(days)));
    }

    @Test
    @SignedInAs(ADMIN)
    void aTenantAdminErasesOneJobAtOnceAndItsPageSaysSo() {
        long job = job(tenant, 0);
        String page = "/t/" + tenant + "/jobs/" + job;
        given().get(page).then().statusCode(200).body(containsString("Knee IME for Jeanne Dubé"));

        WebClient.Csrf csrf = WebClient.csrf(page + "/erase");
        assertEquals(303, WebClient.send("POST", page + "/erase", csrf, Map.of()).statusCode());

        Job erased = read(tenant, job);
        assertNotNull(erased.contentErasedAt);
        assertEquals(ADMIN, erased.contentErasedBy);
        assertEquals(Map.of(), erased.fieldValues());
        given().get(page).then().statusCode(200)
                .body(containsString("data-testid=\"content-erased\""))
                .body(containsString("Content erased on"))
                .body(not(containsString("Jeanne")))
                .body(not(containsString("fixture.wav")));
        assertEquals(1, erasures(job, null), "one event for the erasure");
        assertEquals(1, erasures(job, AuditOutcome.SUCCESS));
        // a second erase explains itself and changes nothing: the log shows the refused attempt, not a second erasure
        assertEquals(303, WebClient.send("POST", page + "/erase", csrf, Map.of()).statusCode());
        assertEquals(1, erasures(job, AuditOutcome.SUCCESS), "erased once");
        assertEquals(1, erasures(job, AuditOutcome.FAILURE), "the refused second erase carries its outcome");
        assertEquals(2, erasures(job, null));
    }

    /** Events of the job's content erasure with {@code outcome} (null: any). */
    private long erasures(long job, AuditOutcome outcome) {
        return scope.call(tenant, () -> outcome == null
                ? AuditEvent.count("action = ?1 and targetId = ?2", "job.content-erased", String.valueOf(job))
                : AuditEvent.count("action = ?1 and targetId = ?2 and outcome = ?3", "job.content-erased", String.valueOf(job), outcome));
    }

    /** A finished job with a name, field values, a recording and transcript links, completed {@code daysAgo}. */
    private long job(String tenantId, int daysAgo) {
        long p = tenantId.equals(tenant) ? profile : fixtures.seedProfile(tenantId);
        long id = fixtures.finishedJob(tenantId, p);
        scope.run(tenantId, () -> {
            Job j = Job.findById(id);
            j.name = "Knee IME for Jeanne Dubé";
            j.fieldValues = new java.util.LinkedHashMap<>(Map.of("specialist_name", "Dr. Jeanne Roy"));
            j.completedAt = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
            j.updatedAt = j.completedAt;
        });
        return id;
    }

    private Job read(String tenantId, long id) {
        return scope.call(tenantId, () -> Job.<Job> findById(id));
    }

    private List<String> fileNames(String tenantId, long jobId) {
        return scope.call(tenantId, () -> JobFile.<JobFile> list("jobId", jobId).stream().map(f -> f.originalFilename).toList());
    }

    private String storedPath(String tenantId, long jobId) {
        return scope.call(tenantId, () -> {
            JobFile f = JobFile.<JobFile> find("jobId", jobId).firstResult();
            return Upload.<Upload> findById(f.uploadId).storedPath;
        });
    }
}
