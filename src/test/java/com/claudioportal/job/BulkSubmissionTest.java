package com.claudioportal.job;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileContent;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileService;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.upload.Upload;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Many recordings, one job each, each exactly once: concurrent posts, resubmits, a batch cut off half way. */
@QuarkusTest
@SignedInAs(BulkSubmissionTest.STAFF)
class BulkSubmissionTest extends TenantTestBase {

    static final String STAFF = "staff@bulk.test";

    @Inject
    ClaudioTenants claudio;

    @Inject
    ProfileService profiles;

    ClaudioTenants.Wired clinic;
    long version;

    @BeforeEach
    void clinic() {
        clinic = claudio.tenant("Bulk Clinic", Fixtures.email("admin"));
        fixtures.member(clinic.tenant(), STAFF, TenantRole.STAFF);
        version = scope.call(clinic.tenant(), () -> Profile.<Profile> findById(clinic.profileId()).currentVersionId);
    }

    @Test
    void twoPostsOfTenRecordingsAtTheSameMomentMakeTenJobsOnceEach() throws Exception {
        List<String> uploads = uploads(10);
        UUID batch = UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RequestSpecification post = form(batch, uploads, Map.of());
                posts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return post.post("/t/" + clinic.tenant() + "/jobs/bulk");
                }, two));
            }
            go.countDown();
            for (CompletableFuture<Response> post : posts) {
                Response answer = post.get(120, TimeUnit.SECONDS);
                assertEquals(303, answer.statusCode(), answer.asString());
                assertTrue(answer.header("Location").endsWith("/t/" + clinic.tenant() + "/jobs/bulk/" + batch), answer.header("Location"));
            }
        } finally {
            two.shutdownNow();
        }
        assertOneJobPerRecording(batch, uploads);

        // and once more, later (Back and submit): nothing new
        assertEquals(303, form(batch, uploads, Map.of()).post("/t/" + clinic.tenant() + "/jobs/bulk").statusCode());
        assertOneJobPerRecording(batch, uploads);
        io.restassured.RestAssured.given().get("/t/" + clinic.tenant() + "/jobs/bulk/" + batch).then().statusCode(200)
                .body(containsString("10 jobs from one batch of recordings"));
    }

    @Test
    void aBatchCutOffHalfWayIsSentAgainAndMakesOnlyTheMissingJobs() {
        List<String> uploads = uploads(6);
        UUID batch = UUID.randomUUID();
        // the first four rows made it before the connection dropped
        assertEquals(303, form(batch, uploads.subList(0, 4), Map.of()).post("/t/" + clinic.tenant() + "/jobs/bulk").statusCode());
        assertEquals(4L, jobsOf(batch));
        assertEquals(303, form(batch, uploads, Map.of()).post("/t/" + clinic.tenant() + "/jobs/bulk").statusCode());
        assertOneJobPerRecording(batch, uploads);
    }

    @Test
    void aRowWithoutANameStopsTheWholeBatchAndTheSummaryNamesTheRecording() {
        List<String> uploads = uploads(3);
        UUID batch = UUID.randomUUID();
        RequestSpecification post = WebClient.form("/t/" + clinic.tenant() + "/jobs").formParam("batchKey", batch.toString())
                .formParam("profileVersionId", String.valueOf(version)).formParam("isRaw", "0").formParam("audioId", uploads)
                .formParam("jobName", List.of("First", " ", "Third"));
        post.post("/t/" + clinic.tenant() + "/jobs/bulk").then().statusCode(400)
                .body(containsString("Recording 2 (fixture.wav): give the job a name you will recognise in the job list."))
                .body(containsString("href=\"#jn-" + uploads.get(1) + "\""))
                .body(containsString("value=\"Third\""));
        assertEquals(0L, jobsOf(batch));
    }

    @Test
    void requiredValuesThePresetLeavesOpenAreAskedOnceAndGoToEveryJob() {
        long profileId = scope.call(clinic.tenant(), () -> profiles.create("Claims", new ProfileContent("P-1", "F-1", "Claims", false,
                List.of(), List.of(new ProfileField("claimant", "Claimant", "string", "string", null, null, true, List.of()),
                        new ProfileField("specialist_name", "Medical Specialist", "string", "string", null, null, true, List.of()))),
                "profile.created").value());
        long claimsVersion = scope.call(clinic.tenant(), () -> Profile.<Profile> findById(profileId).currentVersionId);
        long preset = fixtures.preset(clinic.tenant(), "Dr. Roe", Map.of("specialist_name", "Dr. Jane Roe"));

        Response page = io.restassured.RestAssured.given().get("/t/" + clinic.tenant() + "/jobs/bulk?profile=" + profileId + "&preset=" + preset);
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("id=\"f-claimant\""), "the claimant is asked");
        assertTrue(!page.asString().contains("id=\"f-specialist_name\""), "the preset's value is not asked again");
        assertTrue(page.asString().contains("Dr. Jane Roe"), "what every job gets is shown");

        List<String> uploads = uploads(2);
        UUID batch = UUID.randomUUID();
        WebClient.form("/t/" + clinic.tenant() + "/jobs").formParam("batchKey", batch.toString())
                .formParam("profileVersionId", String.valueOf(claimsVersion)).formParam("presetId", String.valueOf(preset))
                .formParam("isRaw", "0").formParam("f.claimant", "").formParam("audioId", uploads).formParam("jobName", List.of("A", "B"))
                .post("/t/" + clinic.tenant() + "/jobs/bulk").then().statusCode(400)
                .body(containsString("Field 1 (Claimant): enter Claimant."));
        assertEquals(0L, jobsOf(batch));

        WebClient.form("/t/" + clinic.tenant() + "/jobs").formParam("batchKey", batch.toString())
                .formParam("profileVersionId", String.valueOf(claimsVersion)).formParam("presetId", String.valueOf(preset))
                .formParam("isRaw", "0").formParam("f.claimant", "Éloïse Dupont").formParam("audioId", uploads)
                .formParam("jobName", List.of("A", "B")).post("/t/" + clinic.tenant() + "/jobs/bulk").then().statusCode(303);
        List<Map<String, String>> values = scope.call(clinic.tenant(),
                () -> Job.<Job> list("batchKey", batch).stream().map(Job::fieldValues).toList());
        assertEquals(List.of(Map.of("claimant", "Éloïse Dupont", "specialist_name", "Dr. Jane Roe"),
                Map.of("claimant", "Éloïse Dupont", "specialist_name", "Dr. Jane Roe")), values);
    }

    @Test
    void everyJobOfTheBatchGetsThePriorityAndDueTimeChosenOnce() {
        List<String> uploads = uploads(3);
        UUID batch = UUID.randomUUID();
        java.time.Instant due = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        io.restassured.RestAssured.given().get("/t/" + clinic.tenant() + "/jobs/bulk?profile=" + clinic.profileId()).then().statusCode(200)
                .body(containsString("name=\"priority\"")).body(containsString("name=\"dueAt\""));
        form(batch, uploads, Map.of()).formParam("priority", "STAT").formParam("dueAt", JobDue.input(due))
                .post("/t/" + clinic.tenant() + "/jobs/bulk").then().statusCode(303);
        List<Job> jobs = scope.call(clinic.tenant(), () -> Job.<Job> list("batchKey", batch));
        assertEquals(3, jobs.size());
        for (Job job : jobs) {
            assertEquals(JobPriority.STAT, job.priority, job.name);
            assertEquals(due, job.dueAt, job.name);
        }
    }

    @Test
    void aDueTimeInThePastIsRefusedBesideTheFieldAndTheRecordingsStay() {
        List<String> uploads = uploads(2);
        UUID batch = UUID.randomUUID();
        form(batch, uploads, Map.of()).formParam("priority", "URGENT").formParam("dueAt", "2020-01-01T09:30")
                .post("/t/" + clinic.tenant() + "/jobs/bulk").then().statusCode(400)
                .body(containsString("data-field-error=\"dueAt\""))
                .body(containsString("That time has passed."))
                .body(containsString("value=\"URGENT\" selected"))
                .body(containsString(uploads.get(0))).body(containsString(uploads.get(1)));
        assertEquals(0L, jobsOf(batch));
        form(batch, uploads, Map.of()).formParam("priority", "NOT-A-PRIORITY")
                .post("/t/" + clinic.tenant() + "/jobs/bulk").then().statusCode(400)
                .body(containsString("data-field-error=\"priority\""));
        assertEquals(0L, jobsOf(batch));
    }

    @Test
    void namesComeFromTheFileWithoutItsExtension() {
        assertEquals("Éloïse Dupont – dictée", BulkSubmission.nameFrom("Éloïse Dupont – dictée.m4a"));
        assertEquals("report.final", BulkSubmission.nameFrom("report.final.wav"));
        assertEquals("no extension", BulkSubmission.nameFrom("no extension"));
    }

    private void assertOneJobPerRecording(UUID batch, List<String> uploads) {
        assertEquals((long) uploads.size(), jobsOf(batch));
        List<Long> jobOfUpload = scope.call(clinic.tenant(),
                () -> uploads.stream().map(id -> Upload.<Upload> findById(UUID.fromString(id)).jobId).toList());
        assertEquals(uploads.size(), new HashSet<>(jobOfUpload).size(), "each recording in its own job: " + jobOfUpload);
        assertTrue(jobOfUpload.stream().allMatch(java.util.Objects::nonNull));
        long files = scope.call(clinic.tenant(), () -> JobFile.count("jobId in ?1", jobOfUpload));
        assertEquals(uploads.size(), files, "one file per job");
    }

    private long jobsOf(UUID batch) {
        return scope.call(clinic.tenant(), () -> Job.count("batchKey", batch));
    }

    private List<String> uploads(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(fixtures.upload(clinic.tenant()).toString());
        }
        return ids;
    }

    private RequestSpecification form(UUID batch, List<String> uploads, Map<String, String> values) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            names.add("Dictée " + (i + 1));
        }
        RequestSpecification post = WebClient.form("/t/" + clinic.tenant() + "/jobs").formParam("batchKey", batch.toString())
                .formParam("profileVersionId", String.valueOf(version)).formParam("presetId", "").formParam("isRaw", "0")
                .formParam("audioId", uploads).formParam("jobName", names);
        values.forEach((k, v) -> post.formParam("f." + k, v));
        return post;
    }
}
