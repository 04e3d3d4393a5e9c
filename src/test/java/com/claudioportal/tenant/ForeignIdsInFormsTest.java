package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditEvent;
import com.claudioportal.audit.AuditOutcome;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.DatabaseSnapshot;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.job.Job;
import com.claudioportal.profile.Profile;
import com.claudioportal.upload.Upload;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Another tenant's id in a form field or a query parameter (not the path: TenantIsolationTest
 * covers those) is a 404 and stores nothing in either tenant; the one trace is the refused attempt in
 * the acting tenant's own audit log. Each refusal has its positive
 * control: the same request with the person's own record works.
 */
@QuarkusTest
@SignedInAs(ForeignIdsInFormsTest.ADMIN_B)
class ForeignIdsInFormsTest extends TenantTestBase {

    static final String ADMIN_B = "admin-b@foreign.test";

    @Inject
    DatabaseSnapshot snapshot;

    String a;
    String b;
    long profileA;
    long profileB;
    long versionA;
    long versionB;
    WebClient.Csrf csrf;

    @BeforeEach
    void twoTenants() {
        a = fixtures.tenant("Foreign A", Fixtures.email("admin-a"));
        b = fixtures.tenant("Foreign B", ADMIN_B);
        fixtures.connection(a);
        fixtures.connection(b);
        profileA = fixtures.seedProfile(a);
        profileB = fixtures.seedProfile(b);
        versionA = scope.call(a, () -> Profile.<Profile> findById(profileA).currentVersionId);
        versionB = scope.call(b, () -> Profile.<Profile> findById(profileB).currentVersionId);
        csrf = WebClient.csrf("/t/" + b);
    }

    @Test
    void theSubmitPagesProfileParameter() {
        given().redirects().follow(false).get("/t/" + b + "/jobs/new?profile=" + profileA).then().statusCode(404);
        given().redirects().follow(false).get("/t/" + b + "/jobs/new?profile=" + profileB).then().statusCode(200);
    }

    @Test
    void theJobListsProfileFilter() {
        given().get("/t/" + b + "/jobs?profile=" + profileA).then().statusCode(404);
        given().get("/t/" + b + "/jobs?profile=" + profileB).then().statusCode(200);
    }

    @Test
    void aForeignProfileVersionStoresNothing() {
        refusedAndNothingStored(submit(versionA, fixtures.upload(b), null, null));
        assertOwnSubmitWorks();
    }

    @Test
    void aForeignRecordingStoresNothingAndLeavesItsOwnerTheFile() {
        UUID foreign = fixtures.upload(a);
        refusedAndNothingStored(submit(versionB, foreign, null, null));
        assertTrue(scope.call(a, () -> Upload.<Upload> findById(foreign).jobId == null));
        assertOwnSubmitWorks();
    }

    @Test
    void aForeignDocumentStoresNothing() {
        refusedAndNothingStored(submit(versionB, fixtures.upload(b), fixtures.document(a), null));
        assertEquals(303, submit(versionB, fixtures.upload(b), fixtures.document(b), null).statusCode(), "own document");
    }

    @Test
    void aForeignPresetFillsNothing() {
        long presetA = fixtures.preset(a, "Dr. Foreign", Map.of("specialist_name", "Dr. Foreign Value"));
        long presetB = fixtures.preset(b, "Dr. Own", Map.of("specialist_name", "Dr. Own Value"));
        Response foreign = submit(versionB, fixtures.upload(b), null, Map.of("action", "apply-preset", "presetId", String.valueOf(presetA)));
        assertEquals(404, foreign.statusCode());
        assertFalse(foreign.asString().contains("Dr. Foreign Value"));
        Response own = submit(versionB, fixtures.upload(b), null, Map.of("action", "apply-preset", "presetId", String.valueOf(presetB)));
        assertEquals(200, own.statusCode());
        assertTrue(own.asString().contains("Dr. Own Value"));
    }

    @Test
    void theBulkFormRefusesAForeignRecordingVersionOrPresetAndStoresNothing() {
        given().redirects().follow(false).get("/t/" + b + "/jobs/bulk?profile=" + profileA).then().statusCode(404);
        long presetA = fixtures.preset(a, "Dr. Foreign", Map.of("specialist_name", "Dr. Foreign Value"));
        given().redirects().follow(false).get("/t/" + b + "/jobs/bulk?profile=" + profileB + "&preset=" + presetA).then().statusCode(404);
        UUID foreign = fixtures.upload(a);
        // the foreign recording second: the own first one must not be kept as a job either
        refusedAndNothingStored(bulk(versionB, List.of(fixtures.upload(b), foreign), null));
        assertTrue(scope.call(a, () -> Upload.<Upload> findById(foreign).jobId == null));
        refusedAndNothingStored(bulk(versionA, List.of(fixtures.upload(b)), null));
        refusedAndNothingStored(bulk(versionB, List.of(fixtures.upload(b)), String.valueOf(presetA)));
        assertEquals(303, bulk(versionB, List.of(fixtures.upload(b), fixtures.upload(b)), null).statusCode(), "the positive control");
    }

    /**
     * The list's cursor is a position (time and id of the last row seen), not a record to open:
     * a cursor taken from another tenant's job pages through this tenant's own jobs only.
     */
    @Test
    void aCursorFromAnotherTenantsListShowsOnlyOwnJobs() {
        long jobA = fixtures.finishedJob(a, profileA);
        long jobB = fixtures.finishedJob(b, profileB);
        Job foreign = scope.call(a, () -> Job.<Job> findById(jobA));
        long micros = foreign.createdAt.getEpochSecond() * 1_000_000 + foreign.createdAt.getNano() / 1000 + 1_000_000;
        String page = given().get("/t/" + b + "/jobs?after=" + micros + "_" + (jobA + 1)).then().statusCode(200).extract().asString();
        assertFalse(page.contains("data-job=\"" + jobA + "\""), "tenant A's job is not listed");
        assertTrue(page.contains("data-job=\"" + jobB + "\""), "tenant B's own older job is");
    }

    /** The audit log's {@code before} is a position in the tenant's own chain, never another's. */
    @Test
    void theAuditLogsBeforeParameterStaysInTheTenant() {
        String page = given().get("/t/" + b + "/audit?before=1000").then().statusCode(200).extract().asString();
        assertTrue(page.contains(ADMIN_B), "B's own events are listed");
        assertFalse(page.contains(a), "nothing of tenant A");
    }

    private void refusedAndNothingStored(Response response) {
        assertEquals(404, response.statusCode(), response.asString());
        assertTrue(scope.call(b, () -> AuditEvent.count("outcome = ?1 and actor = ?2", AuditOutcome.DENIED, ADMIN_B)) >= 1,
                "tenant B's auditors see the refused attempt");
    }

    private void assertOwnSubmitWorks() {
        assertEquals(303, submit(versionB, fixtures.upload(b), null, null).statusCode(), "the positive control");
    }

    /** Posts the bulk form; checks that the database of both tenants is unchanged when it is refused. */
    private Response bulk(long version, List<UUID> recordings, String presetId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("batchKey", UUID.randomUUID().toString());
        form.put("profileVersionId", String.valueOf(version));
        form.put("presetId", presetId == null ? "" : presetId);
        form.put("isRaw", "0");
        form.put("audioId", recordings.stream().map(UUID::toString).toList());
        form.put("jobName", recordings.stream().map(r -> "Bulk foreign").toList());
        return refusedStoresNothing(() -> WebClient.send("POST", "/t/" + b + "/jobs/bulk", csrf, form));
    }

    /** Posts the submit form; checks that the database of both tenants is unchanged when it is refused. */
    private Response submit(long version, UUID audio, UUID document, Map<String, String> extra) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("submissionKey", UUID.randomUUID().toString());
        form.put("profileVersionId", String.valueOf(version));
        form.put("jobName", "Foreign ids");
        form.put("isRaw", "0");
        form.put("f.specialist_name", "Dr. Form");
        form.put("audioId", audio.toString());
        form.put("audioStart", "");
        form.put("audioEnd", "");
        if (document != null) {
            form.put("documentId", document.toString());
            form.put("documentType", "loi");
        }
        if (extra != null) {
            form.putAll(extra);
        }
        return refusedStoresNothing(() -> WebClient.send("POST", "/t/" + b + "/jobs/new", csrf, form));
    }

    /**
     * Sends the request; when it is refused, tenant A's rows (its audit log included) are unchanged,
     * and so are tenant B's but for the audit log's record of B's refused attempt: at most one
     * event (refusals are rate-limited per person), denied, by B's admin, naming nothing of A.
     */
    private Response refusedStoresNothing(java.util.function.Supplier<Response> send) {
        Map<String, String> beforeA = snapshot.of(a);
        Map<String, String> beforeB = snapshot.of(b);
        long lastEventOfB = scope.call(b, () -> AuditEvent.<AuditEvent> listAll().stream().mapToLong(e -> e.id).max().orElse(0));
        Response response = send.get();
        if (response.statusCode() == 404) {
            assertEquals(beforeA, snapshot.of(a), "tenant A's rows changed");
            Map<String, String> afterB = new java.util.TreeMap<>(snapshot.of(b));
            afterB.put("audit_event", beforeB.get("audit_event"));
            assertEquals(beforeB, afterB, "tenant B's rows changed");
            List<AuditEvent> added = scope.call(b, () -> AuditEvent.<AuditEvent> list("id > ?1", lastEventOfB));
            assertTrue(added.size() <= 1, "one record of the refusal at most: " + added.size());
            for (AuditEvent e : added) {
                assertEquals(AuditOutcome.DENIED, e.outcome, e.action);
                assertEquals(ADMIN_B, e.actor);
                assertFalse((e.targetId + "|" + e.details).contains(a), "the refusal names nothing of tenant A: " + e.details);
                assertFalse(List.of(String.valueOf(profileA), String.valueOf(versionA)).contains(String.valueOf(e.targetId)), e.targetId);
            }
        }
        return response;
    }
}
