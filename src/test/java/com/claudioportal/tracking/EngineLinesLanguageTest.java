package com.claudioportal.tracking;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.WebClient;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobLifecycle;
import com.claudioportal.job.JobPriority;
import com.claudioportal.job.JobState;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The lines and status details the engine writes (tracking.JobWorker, NoticeWriter, JobLifecycle)
 * read in the reader's language on the job page and in the job list, each driven through the worker
 * against the sandbox: a French reader sees no English sentence of them, an English reader the
 * English that the message columns keep.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class EngineLinesLanguageTest extends WorkerTestBase {

    static final String STAFF = "engine-lines-staff@roles.test";

    @Inject
    NoticeWriter notices;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    WorkerConfig config;

    /** English words of the engine's lines that must not reach a French reader (Claudio's own words aside). */
    static final List<String> ENGLISH = List.of("The portal tries again", "while sending file", "Claudio answered with an error",
            "attempts. Try again later", "Claudio rejected the API key", "ask your tenant admin", "Check in Claudio",
            "It may or may not have been created", "no answer came back", "Claudio finished the job", "transcript document",
            "The portal keeps checking", "could not check this job", "times in a row", "Claudio sent a notification",
            "changed the priority", "Claudio accepted the job", "Claudio did not answer in time", "Claudio has been failing",
            "Claudio's address could not be reached", "Submitting the job", "Claudio refused the request");

    @Test
    @SignedInAs(STAFF)
    void aFileThatKeepsFailingIsRetriedThenFailsInTheReadersLanguage() {
        var w = wired("Clinique des Reprises");
        sandbox.setErrorRate(w.tenant(), "UPLOAD_AUDIO", 1.0);
        long jobId = claudio.submitJob(w, "Always failing", false, 1);
        worker.runOnce();
        Job retried = job(w.tenant(), jobId);
        assertEquals(JobState.UPLOADING, retried.status, retried.statusDetail);
        assertTrue(retried.statusDetail.contains("while sending file 1 (a recording). The portal tries again in"), retried.statusDetail);

        String french = page(w.tenant(), jobId, "fr-CA");
        assertTrue(french.contains("pendant l'envoi du fichier 1 (un enregistrement). Le portail réessaie dans"), detail(french));
        assertTrue(french.contains(" secondes."), detail(french));
        noEnglish(french);
        assertTrue(page(w.tenant(), jobId, "en-CA").contains(retried.statusDetail), "the English reader reads the stored English");

        kit.lastAttemptDueNow(w.tenant(), jobId, config.maxAttempts());
        worker.runOnce();
        Job failed = job(w.tenant(), jobId);
        assertEquals(JobState.FAILED, failed.status, failed.statusDetail);
        french = page(w.tenant(), jobId, "fr-CA");
        assertTrue(french.contains(", après " + config.maxAttempts() + " tentatives. Réessayez plus tard."), detail(french));
        noEnglish(french);
        String english = page(w.tenant(), jobId, "en-CA");
        assertTrue(english.contains("after " + config.maxAttempts() + " attempts. Try again later."), detail(english));
        assertTrue(english.contains("The portal tries again in"), "the earlier retry line, in English");
        sandbox.clearFaults(w.tenant());
    }

    @Test
    @SignedInAs(STAFF)
    void aRejectedKeyAndALostSubmitAnswerReadInTheReadersLanguage() {
        var keys = wired("Clinique des Clés");
        sandbox.rotateKey(keys.tenant());
        long rejected = claudio.submitJob(keys, "Old key", false, 1);
        var lost = wired("Clinique des Réponses Perdues");
        sandbox.setDropSubmitResponse(lost.tenant(), true);
        long unknown = claudio.submitJob(lost, "Answer lost", false, 1);
        worker.runOnce();
        assertEquals(JobState.FAILED, job(keys.tenant(), rejected).status);
        assertEquals(JobState.NEEDS_ATTENTION, job(lost.tenant(), unknown).status);
        sandbox.setDropSubmitResponse(lost.tenant(), false);

        String french = page(keys.tenant(), rejected, "fr-CA");
        assertTrue(french.contains("Claudio a refusé la clé ou le secret d'API — demandez à l'administrateur de votre clinique de vérifier la connexion."),
                detail(french));
        noEnglish(french);
        assertTrue(page(keys.tenant(), rejected, "en").contains(
                "Claudio rejected the API key or secret — ask your tenant admin to check the connection."));

        french = page(lost.tenant(), unknown, "fr-CA");
        assertTrue(french.contains("Le travail a été envoyé à Claudio, mais aucune réponse n'est revenue ("), detail(french));
        assertTrue(french.contains("Il a peut-être été créé, peut-être pas. Vérifiez dans Claudio, puis liez le travail ou soumettez-le de nouveau."),
                detail(french));
        noEnglish(french);
        assertTrue(page(lost.tenant(), unknown, "en").contains("It may or may not have been created. Check in Claudio, then link the job"));

        // linking a reference Claudio does not know: the refusal (a flash) in the reader's language
        WebClient.Csrf csrf = WebClient.csrf("/t/" + lost.tenant());
        String flash = flash(csrf.form().header("Accept-Language", "fr-CA").formParam("reference", "NO-SUCH-REF")
                .post("/t/" + lost.tenant() + "/jobs/" + unknown + "/link"));
        assertTrue(flash.contains("Claudio ne connaît pas la référence de travail « NO-SUCH-REF ». Vérifiez-la et réessayez."), flash);
        flash = flash(csrf.form().header("Accept-Language", "en").formParam("reference", "NO-SUCH-REF")
                .post("/t/" + lost.tenant() + "/jobs/" + unknown + "/link"));
        assertTrue(flash.contains("Claudio does not know the job reference \u201cNO-SUCH-REF\u201d."), flash);

        // a step the job's state no longer allows (a second cancel): the refusal names the states in the reader's language
        WebClient.Csrf keysCsrf = WebClient.csrf("/t/" + keys.tenant());
        flash(keysCsrf.form().header("Accept-Language", "fr-CA").post("/t/" + keys.tenant() + "/jobs/" + rejected + "/cancel"));
        flash = flash(keysCsrf.form().header("Accept-Language", "fr-CA").post("/t/" + keys.tenant() + "/jobs/" + rejected + "/cancel"));
        assertTrue(flash.contains("Un travail « Annulé » ne peut pas devenir « Annulé »."), flash);
    }

    @Test
    @SignedInAs(STAFF)
    void aNoticeFailingChecksAStuckJobARescheduleAndTheCompletionReadInTheReadersLanguage() throws Exception {
        var w = wired("Clinique du Suivi");
        sandbox.setProcessingTime(w.tenant(), Duration.ofHours(1));
        long jobId = claudio.submitJob(w, "Followed", false, 1);
        worker.runOnce();
        Job submitted = job(w.tenant(), jobId);
        assertEquals(JobState.SUBMITTED, submitted.status, submitted.statusDetail);
        notices.record(w.tenant(), submitted.claudioReference).toCompletableFuture().get(10, TimeUnit.SECONDS);

        // the checks fail, the last of stuck-after in a row: the job is flagged with the reason
        sandbox.setErrorRate(w.tenant(), "POLL", 1.0);
        scope.run(w.tenant(), () -> {
            Job job = Job.<Job> findById(jobId);
            job.attempts = config.stuckAfter() - 1;
            job.nextAttemptAt = Instant.now().minusSeconds(1);
            job.promptedAt = null;
        });
        worker.runOnce();
        Job stuck = job(w.tenant(), jobId);
        assertNotNull(stuck.stuckReason, "flagged as stuck: " + stuck.statusDetail);
        scope.run(w.tenant(), () -> lifecycle.rescheduled(Job.<Job> findById(jobId), JobPriority.URGENT, Instant.parse("2030-01-15T14:00:00Z"),
                "someone", "Ada Admin"));

        String french = page(w.tenant(), jobId, "fr-CA");
        for (String line : new String[] { "Claudio a accepté le travail (référence " + stuck.claudioReference + ")",
                "Claudio a envoyé une notification ; le portail vérifie le travail.",
                "Le portail n'a pas pu vérifier ce travail chez Claudio " + config.stuckAfter() + " fois de suite : ",
                "Le portail continue de vérifier.",
                "Ada Admin a modifié la priorité Courante → Urgente, l'échéance 20", " → 2030-01-15 14:00 UTC." }) {
            assertTrue(french.contains(line), "the French job page says: " + line + "\n" + detail(french));
        }
        noEnglish(french);
        String english = page(w.tenant(), jobId, "en-CA");
        for (String line : new String[] { "Claudio sent a notification; the portal is checking the job.",
                "The portal could not check this job at Claudio " + config.stuckAfter() + " times in a row: ", "The portal keeps checking.",
                "Ada Admin changed the priority Routine → Urgent, due 20", " UTC → 2030-01-15 14:00 UTC." }) {
            assertTrue(english.contains(line), "the English job page says: " + line);
        }
        // the list's "checks failing" badge names the reason in the reader's language
        String list = html(given().header("Accept-Language", "fr-CA").get("/t/" + w.tenant() + "/jobs").then().statusCode(200).extract().asString());
        assertTrue(list.contains("data-testid=\"stuck\" title=\"" + frenchDetail(french)), list);
        noEnglish(list);

        sandbox.clearFaults(w.tenant());
        sandbox.complete(stuck.claudioReference);
        scope.run(w.tenant(), () -> Job.<Job> findById(jobId).nextAttemptAt = Instant.now().minusSeconds(1));
        worker.runOnce();
        assertEquals(JobState.COMPLETED, job(w.tenant(), jobId).status, job(w.tenant(), jobId).statusDetail);
        french = page(w.tenant(), jobId, "fr-CA");
        assertTrue(french.matches("(?s).*Claudio a terminé le travail : \\d+ documents? de transcription.*"), french);
        noEnglish(french);
        assertFalse(french.contains("data-testid=\"job-stuck\""), "no longer stuck");

        // a detail cleared by plain SQL (tracking.StillInProgress clears status_detail alone) leaves no line behind
        scope.run(w.tenant(), () -> {
            Job job = Job.<Job> findById(jobId);
            job.statusDetailCode = "connection_removed";
            job.statusDetail = null;
        });
        assertFalse(page(w.tenant(), jobId, "fr-CA").contains("data-testid=\"job-detail\""));
    }

    private ClaudioTenants.Wired wired(String name) {
        var w = claudio.tenant(name, Fixtures.email("admin"));
        fixtures.member(w.tenant(), STAFF, TenantRole.STAFF);
        return w;
    }

    private static void noEnglish(String page) {
        for (String words : ENGLISH) {
            assertFalse(page.contains(words), "English left for a French reader: \u201c" + words + "\u201d in\n" + detail(page));
        }
    }

    /** The status detail paragraph of a job page (for failure messages). */
    private static String detail(String page) {
        int at = page.indexOf("data-testid=\"job-detail\"");
        int timeline = page.indexOf("data-testid=\"timeline\"");
        return (at < 0 ? "(no detail)" : page.substring(at, Math.min(page.length(), at + 600))) + "\n"
                + (timeline < 0 ? "(no timeline)" : page.substring(timeline, Math.min(page.length(), timeline + 3000)));
    }

    /** The stuck reason as the job page's alert shows it. */
    private static String frenchDetail(String page) {
        int at = page.indexOf("data-testid=\"job-stuck\"");
        String alert = page.substring(at, page.indexOf("</div>", at));
        return alert.substring(alert.indexOf("</strong>") + "</strong>".length()).strip();
    }

    private static String flash(io.restassured.response.Response response) {
        String raw = response.then().statusCode(303).extract().cookie("portal-flash");
        assertNotNull(raw, "a flash was set");
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String page(String tenant, long jobId, String language) {
        return html(given().header("Accept-Language", language).get("/t/" + tenant + "/jobs/" + jobId).then().statusCode(200).extract().asString());
    }

    private static String html(String text) {
        return text.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
