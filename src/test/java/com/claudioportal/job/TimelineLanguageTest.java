package com.claudioportal.job;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A timeline line the portal words itself is stored as a code and parameters (V14) and read in the
 * reader's language, its English kept in the message column; a line stored as words only (older
 * rows) is shown as it is in both.
 */
@QuarkusTest
class TimelineLanguageTest {

    static final String STAFF = "timeline-staff@roles.test";

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    @Test
    @SignedInAs(STAFF)
    void theTimelineReadsInTheReadersLanguage() {
        String tenant = fixtures.tenantWithMember("Clinique du Fleuve", STAFF, TenantRole.STAFF);
        long jobId = fixtures.finishedJob(tenant, fixtures.seedProfile(tenant));
        List<String> stored = scope.call(tenant, () -> {
            Job job = Job.findById(jobId);
            JobEvent.record(job, JobLine.of("saved", "audio", 1, "documents", 2), "someone");
            JobEvent.record(job, JobLine.of("sent_recording", "n", 1, "sizeBytes", 1_200_000L), JobLifecycle.SYSTEM);
            JobEvent.record(job, JobLine.of("accepted_webhook", "reference", "REF-42"), JobLifecycle.SYSTEM);
            JobEvent.record(job, "A line from before the codes.", JobLifecycle.SYSTEM);
            // an erase (retention.ContentErasure) and a reschedule without a due time before
            JobEvent.record(job, JobLine.of("erased_retention", "days", 30), JobLifecycle.SYSTEM);
            JobEvent.record(job, JobLine.of("rescheduled", "name", "Ada Admin", "dueTo", "2030-01-15 14:00 UTC"), "someone");
            return JobEvent.<JobEvent> list("jobId = ?1 order by id", jobId).stream().map(e -> e.message).toList();
        });
        assertEquals(List.of("Saved with 1 recording and 2 documents; waiting to be sent to Claudio.", "Claudio has recording 1 (1 MB).",
                "Claudio accepted the job (reference REF-42) and will notify the portal when it is done.", "A line from before the codes.",
                "Content erased: the tenant keeps job content for 30 days.", "Ada Admin changed the due none \u2192 2030-01-15 14:00 UTC."),
                stored, "the message column keeps the English");

        String french = page(tenant, jobId, "fr-CA");
        for (String line : new String[] { "Enregistré avec 1 enregistrement et 2 documents ; en attente d'envoi à Claudio.",
                "Claudio a l'enregistrement 1 (1 Mo).",
                "Claudio a accepté le travail (référence REF-42) et avertira le portail quand il sera terminé.",
                "A line from before the codes.", "Contenu effacé : la clinique conserve le contenu des travaux 30 jours.",
                "Ada Admin a modifié l'échéance aucune \u2192 2030-01-15 14:00 UTC." }) {
            assertTrue(french.contains(line), "the French job page says: " + line);
        }
        assertTrue(!french.contains("Saved with 1 recording"), "no English line left for a coded event");
        String english = page(tenant, jobId, "en-CA");
        for (String line : stored) {
            assertTrue(english.contains(line), "the English job page says: " + line);
        }
    }

    private static String page(String tenant, long jobId, String language) {
        String html = given().header("Accept-Language", language).get("/t/" + tenant + "/jobs/" + jobId).then().statusCode(200).extract().asString();
        return html.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
