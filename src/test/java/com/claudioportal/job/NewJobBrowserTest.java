package com.claudioportal.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.ClinicBrowserTestBase;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.infra.TestRecordings;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.Upload;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The new-job experience in Chromium: fifty recordings at once (each job once, through a double
 * post, a reload and Back), nothing lost when the form comes back with problems, the recording
 * pre-check's notes, presets that keep what staff typed, the leave-page warning, and a dictation
 * recorded in the browser (Chromium's fake microphone). Screenshots at 1366 and 375 px.
 */
@QuarkusTest
class NewJobBrowserTest extends ClinicBrowserTestBase {

    /** Uploads, ffmpeg's check and fifty jobs on a busy 2-core machine: generous, never a sleep. */
    static final LocatorAssertions.HasCountOptions SLOW_COUNT = new LocatorAssertions.HasCountOptions().setTimeout(240_000);
    static final LocatorAssertions.IsVisibleOptions SLOW_VISIBLE = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
    static final LocatorAssertions.HasTextOptions SLOW_TEXT = new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @Inject
    TenantScope scope;

    @BeforeEach
    void signInAsStaff() {
        signInAsStaffOf("Érable Clinic", "Dr. Jane Roe");
    }

    @Test
    void fiftyRecordingsBecomeFiftyJobsOnceEachThroughAMistakeADoublePostAReloadAndBack() {
        page.navigate(base + "t/" + clinic.tenant() + "/jobs");
        page.getByTestId("new-bulk").click();
        page.getByTestId("bulk-preset").selectOption("Dr. Jane Roe");
        page.getByTestId("bulk-choose-submit").click();
        assertThat(page.getByTestId("bulk-shared")).containsText("Dr. Jane Roe");

        Path[] files = new Path[50];
        for (int i = 0; i < files.length; i++) {
            files[i] = TestFiles.wav(String.format("Éloïse Dupont %02d.wav", i + 1), 1);
        }
        page.getByTestId("bulk-picker").setInputFiles(files);
        Locator rows = page.locator("[data-list=AUDIO] .batch-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(rows).hasCount(50, SLOW_COUNT);
        assertThat(page.getByTestId("bulk-count")).hasText("50 recordings ready (at most 50).");
        assertThat(page.getByTestId("bulk-submit")).hasText("Create 50 jobs");
        assertThat(rows.first().locator("[data-job-name]")).hasValue("Éloïse Dupont 01");
        rows.nth(0).locator("[data-job-name]").fill("Éloïse Dupont – IME 12 mars");
        rows.nth(1).locator("[data-job-name]").fill("");
        Browsers.screenshots(page, "bulk-fifty-ready");

        // a mistake in row 2 stops the whole batch, names the recording, and keeps all fifty rows and names
        page.getByTestId("bulk-submit").click();
        assertThat(page.getByTestId("error-summary"))
                .containsText("Recording 2 (Éloïse Dupont 02.wav): give the job a name you will recognise in the job list.");
        assertThat(rows).hasCount(50);
        assertThat(rows.first().locator("[data-job-name]")).hasValue("Éloïse Dupont – IME 12 mars");
        assertEquals(0L, jobsNamed("Éloïse Dupont%"));
        Browsers.screenshots(page, "bulk-row-problem");

        // a 51st recording is not taken
        page.getByTestId("bulk-picker").setInputFiles(TestFiles.wav("one too many.wav", 1));
        assertThat(page.locator("[data-submit-status]")).containsText("At most 50 recordings at once: 1 was not added (one too many.wav).");
        assertThat(rows).hasCount(50);

        rows.nth(1).locator("[data-job-name]").fill("Éloïse Dupont 02");
        // two posts at once, past the page's own guard
        page.evaluate("() => { const f = document.getElementById('bulk-form'); f.requestSubmit(); HTMLFormElement.prototype.submit.call(f); }");
        page.waitForURL(url -> url.matches(".*/jobs/bulk/[0-9a-f-]{36}$"), new Page.WaitForURLOptions().setTimeout(240_000));
        UUID batch = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        assertThat(page.getByTestId("batch-job")).hasCount(50);
        assertThat(page.getByTestId("batch-jobs")).containsText("Éloïse Dupont – IME 12 mars");
        assertOneJobEach(batch, 50);
        Browsers.screenshots(page, "bulk-batch");

        page.reload();
        assertThat(page.getByTestId("batch-job")).hasCount(50);
        assertOneJobEach(batch, 50);

        if (back(page) && page.getByTestId("bulk-submit").count() > 0 && rows.count() == 50) {
            // the form out of the back/forward cache, still holding the fifty recordings: sending it again makes nothing
            page.getByTestId("bulk-submit").click();
            page.waitForURL(url -> url.endsWith("/jobs/bulk/" + batch));
            assertThat(page.locator(".alert")).containsText("These jobs were already created: nothing was sent again.");
        }
        assertOneJobEach(batch, 50);
    }

    /**
     * The browser's Back button. Pages are {@code Cache-Control: no-store}, so Back onto the answer
     * to a post (a form that came back with problems) shows the browser's own "Confirm form
     * resubmission" page (net::ERR_CACHE_MISS) and sends nothing; returns whether a page of the
     * portal is shown. Either way the caller checks that nothing new was made.
     */
    private static boolean back(Page page) {
        try {
            page.goBack();
        } catch (com.microsoft.playwright.PlaywrightException e) {
            if (!String.valueOf(e.getMessage()).contains("net::ERR_CACHE_MISS")) {
                throw e;
            }
            return false;
        }
        page.waitForLoadState();
        return true;
    }

    @Test
    void aFormWithProblemsKeepsEveryValueAndUploadAndNamesEachItem() {
        openForm();
        page.locator("#f-specialist_name").fill("Dr. Typed Value");
        page.getByTestId("preset").selectOption("Dr. Jane Roe");
        assertThat(page.getByTestId("preset-status")).hasText("Filled 1 field from \u201cDr. Jane Roe\u201d (Specialist Shorthand Credentials);"
                + " kept 1 you had typed (Medical Specialist).");
        assertThat(page.locator("#f-specialist_name")).hasValue("Dr. Typed Value");
        assertThat(page.locator("#f-specialist_credentials")).hasValue("MD, FRCSC");
        page.locator("#f-specialist_bio").fill("");
        page.locator("#f-jobName").fill("");

        page.getByTestId("audio-picker").setInputFiles(new Path[] { TestRecordings.make("Dictée muette", TestRecordings.Format.WEBM, 0, 8),
                TestFiles.wav("court.wav", 3) });
        Locator audio = page.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        uploaded(audio, 2);
        Locator silent = audio.filter(new Locator.FilterOptions().setHasText("Dictée muette.webm"));
        Locator shortOne = audio.filter(new Locator.FilterOptions().setHasText("court.wav"));
        assertThat(silent.getByTestId("sound-note")).hasText("This recording seems to be silent.");
        assertThat(silent.locator(".file-meta")).containsText(java.util.regex.Pattern.compile("00:00:0[89]"));
        assertThat(shortOne.getByTestId("sound-note")).isHidden();
        shortOne.locator("[data-trim=end]").fill("00:00:09");
        assertThat(shortOne.getByTestId("trim-note")).hasText("This recording is 0:03 long, shorter than the trim end 0:09.");
        shortOne.locator("[data-trim=start]").fill("1:2");

        // a long upload cancelled half way leaves nothing behind, on the page or on the server
        // (a real 106 MB recording: cancelled while it uploads or while the portal checks it)
        page.getByTestId("audio-picker").setInputFiles(TestRecordings.make("longue dictée", TestRecordings.Format.WAV_CD, 600, 0));
        page.locator("[data-cancel-upload]").click();
        assertThat(page.locator("[data-upload-announce]")).hasText("The upload of \u201clongue dictée.wav\u201d was cancelled.");
        assertThat(page.locator("[data-list=AUDIO] .file-row")).hasCount(2);
        long deadline = System.currentTimeMillis() + 60_000;
        while (uploadsNamed("longue dictée.wav") > 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(500);
        }
        assertEquals(0L, uploadsNamed("longue dictée.wav"), "the cancelled upload is not kept");

        page.getByTestId("document-picker").setInputFiles(TestFiles.text("lettre d'instruction.txt", "Claimant: É. Dupont\n"));
        Locator doc = page.locator("[data-list=DOCUMENT] .file-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(doc).hasCount(1, SLOW_COUNT);
        assertThat(doc.locator("select[name=documentType] option:checked")).hasText("Letter of instruction");

        // leaving with unsaved work asks first; staying keeps everything
        AtomicReference<String> dialog = new AtomicReference<>();
        page.onceDialog(d -> {
            dialog.set(d.type());
            d.dismiss();
        });
        String formUrl = page.url();
        page.locator("ol.breadcrumb a", new Page.LocatorOptions().setHasText("Jobs")).first().click();
        page.waitForTimeout(500);
        assertEquals("beforeunload", dialog.get(), "the browser asks before leaving a form with unsaved work");
        assertEquals(formUrl, page.url());

        page.getByTestId("submit-job").click();
        Locator summary = page.getByTestId("error-summary");
        assertThat(summary).containsText("Give the job a name");
        assertThat(summary).containsText("Recording 2: write the start as HH:MM:SS, like 00:01:30.");
        assertThat(summary.locator("a", new Locator.LocatorOptions().setHasText("Recording 2"))).hasAttribute("href",
                java.util.regex.Pattern.compile("^#as-[0-9a-f-]{36}$"));
        // nothing lost: values, recordings with their notes and trims, the document and its type
        assertThat(page.locator("#f-specialist_name")).hasValue("Dr. Typed Value");
        assertThat(page.locator("#f-specialist_credentials")).hasValue("MD, FRCSC");
        assertThat(audio).hasCount(2);
        assertThat(silent.getByTestId("sound-note")).hasText("This recording seems to be silent.");
        assertThat(shortOne.locator("[data-trim=start]")).hasValue("1:2");
        assertThat(shortOne.getByTestId("trim-note")).hasText("This recording is 0:03 long, shorter than the trim end 0:09.");
        assertThat(doc.locator("select[name=documentType] option:checked")).hasText("Letter of instruction");
        Browsers.screenshots(page, "new-job-problems");

        page.locator("#f-jobName").fill("Dupont – deux enregistrements");
        shortOne.locator("[data-trim=start]").fill("00:00:01");
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(page.getByTestId("job-name")).hasText("Dupont – deux enregistrements");
        Locator sent = page.getByTestId("job-inputs");
        assertThat(sent.locator("dt", new Locator.LocatorOptions().setHasText("Specialist Bio")).locator("xpath=following-sibling::dd[1]"))
                .hasText("\u2014");
        assertThat(page.getByTestId("job-files")).containsText(java.util.regex.Pattern.compile("0:0[89] long"));
        assertThat(page.getByTestId("job-files")).containsText("Letter of instruction");
        Browsers.screenshots(page, "new-job-sent");

        // Back to the form and submit again: said plainly, with a link, and nothing new
        String jobUrl = page.url();
        if (back(page) && page.getByTestId("submit-job").count() > 0) {
            page.getByTestId("submit-job").click();
            assertThat(page.getByTestId("already-submitted")).containsText("This job was already submitted");
            assertThat(page.getByTestId("already-submitted-link")).hasAttribute("href", jobUrl.substring(jobUrl.indexOf("/t/")));
        }
        assertEquals(1L, jobsNamed("Dupont – deux enregistrements"));
    }

    @Test
    void aDictationRecordedInTheBrowserIsSentLikeAnUploadedRecording() {
        openForm();
        page.locator("#f-jobName").fill("Dictée au navigateur");
        assertThat(page.getByTestId("recorder")).isVisible();
        page.getByTestId("record").click();
        assertThat(page.getByTestId("record-status")).hasText("Recording…", SLOW_TEXT);
        page.waitForTimeout(1500);
        page.getByTestId("record-pause").click();
        assertThat(page.getByTestId("record-status")).containsText("Paused at");
        page.getByTestId("record-resume").click();
        page.waitForTimeout(1500);
        Browsers.screenshots(page, "dictation-recording");
        page.getByTestId("record-stop").click();
        assertThat(page.getByTestId("record-status")).containsText("to the recordings.");
        Locator audio = page.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        uploaded(audio, 1);
        assertThat(audio.locator(".file-name")).containsText("Dictation ");
        assertThat(audio.getByTestId("sound-note")).isHidden();
        Browsers.screenshots(page, "dictation-added");

        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        long jobId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        List<Upload> used = scope.call(clinic.tenant(), () -> Upload.<Upload> list("jobId", jobId));
        assertEquals(1, used.size());
        assertTrue(used.get(0).originalFilename.matches("Dictation \\d{4}-\\d{2}-\\d{2} \\d{2}-\\d{2}\\.(webm|ogg|m4a)"),
                used.get(0).originalFilename);
        assertTrue(used.get(0).durationSeconds != null && used.get(0).durationSeconds > 2, "measured: " + used.get(0).durationSeconds);
        assertEquals(Boolean.FALSE, used.get(0).mostlySilent, "the fake microphone beeps");
        assertThat(page.getByTestId("job-status")).hasText("Transcript ready", SLOW_TEXT);
    }

    /** Waits for {@code n} finished uploads; if they do not come, says what the rows show instead. */
    private void uploaded(Locator rows, int n) {
        try {
            assertThat(rows).hasCount(n, new LocatorAssertions.HasCountOptions().setTimeout(90_000));
        } catch (AssertionError e) {
            Browsers.screenshot(page, "uploads-not-finished");
            throw new AssertionError("the recordings show: " + page.locator("[data-list=AUDIO]").innerText(), e);
        }
    }

    private void openForm() {
        page.navigate(base + "t/" + clinic.tenant() + "/jobs/new");
        page.waitForURL(url -> url.contains("?profile="));
        assertThat(page.getByTestId("submit-form")).isVisible();
    }

    private long uploadsNamed(String name) {
        return scope.call(clinic.tenant(), () -> Upload.count("originalFilename", name));
    }

    private long jobsNamed(String like) {
        return scope.call(clinic.tenant(), () -> Job.count("name like ?1", like));
    }

    private void assertOneJobEach(UUID batch, int n) {
        List<Job> jobs = scope.call(clinic.tenant(), () -> Job.<Job> list("batchKey", batch));
        assertEquals(n, jobs.size(), "one job per recording");
        List<Long> jobOfUpload = scope.call(clinic.tenant(),
                () -> Upload.<Upload> list("jobId in ?1", jobs.stream().map(j -> j.id).toList()).stream().map(u -> u.jobId).toList());
        assertEquals(n, jobOfUpload.size(), "each recording in a job");
        assertEquals(n, new HashSet<>(jobOfUpload).size(), "each in its own job");
    }
}
