package com.claudioportal.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.ClinicBrowserTestBase;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TestSandbox;
import com.claudioportal.tenant.TenantScope;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/** Staff submit jobs in Chromium against the sandbox, with the real worker running. */
@QuarkusTest
class SubmitJobBrowserTest extends ClinicBrowserTestBase {

    @Inject
    TenantScope scope;

    final SandboxControl sandbox = TestSandbox.control();

    @BeforeEach
    void signInAsStaff() {
        signInAsStaffOf("Maple Clinic", "Dr. Jane Roe");
    }

    @Test
    void submitsTheSeedProfileWithTwoRecordingsOneTrimmedAndALetterAndGetsTheTranscripts() {
        openForm();
        assertThat(page.locator("label[for='f-specialist_name']")).hasText("Medical Specialist");
        assertThat(page.locator("#f-specialist_name-help")).hasText("Approved Medical Specialist name");
        page.getByTestId("preset").selectOption("Dr. Jane Roe");
        assertThat(page.locator("#f-specialist_name")).hasValue("Dr. Jane Roe");
        assertThat(page.locator("#f-specialist_credentials")).hasValue("MD, FRCSC");
        page.locator("#f-specialist_bio").fill("Orthopaedic surgeon");
        page.locator("#f-isRaw").selectOption("1");

        page.getByTestId("audio-picker").setInputFiles(new Path[] { TestFiles.wav("part-1.wav", 6), TestFiles.wav("part-2.wav", 2) });
        Locator rows = page.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(rows).hasCount(2);
        Locator first = rows.filter(new Locator.FilterOptions().setHasText("part-1.wav"));
        assertThat(first).containsText("00:00:06");
        // trim from the player: seek, then "Use player position"
        first.locator("audio").evaluate("a => new Promise(r => { a.addEventListener('seeked', r, { once: true }); a.currentTime = 1.2; })");
        first.locator("[data-set=start]").click();
        first.locator("audio").evaluate("a => new Promise(r => { a.addEventListener('seeked', r, { once: true }); a.currentTime = 4.5; })");
        first.locator("[data-set=end]").click();
        assertThat(first.locator("[data-trim=start]")).hasValue("00:00:01");
        assertThat(first.locator("[data-trim=end]")).hasValue("00:00:04");

        page.getByTestId("document-picker").setInputFiles(TestFiles.text("loi.txt", "Claimant: J. Doe\nInsurer: Acme Mutual\n"));
        Locator doc = page.locator("[data-list=DOCUMENT] .file-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(doc).hasCount(1);
        assertThat(doc.locator("select[name=documentType]")).hasValue("loi");
        Browsers.screenshot(page, "submit-form-filled");

        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(page.getByTestId("claudio-reference")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(page.getByTestId("job-status")).hasText("Transcript ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.getByTestId("transcript-link").first()).isVisible();
        assertThat(page.getByTestId("raw-transcript")).isVisible();
        // once the transcript is ready, every file reads as transcribed, not as still "With Claudio"
        assertThat(page.locator("[data-testid=file-status] .file-status")).hasText(new String[] { "Transcribed", "Transcribed", "Transcribed" });
        assertThat(page.getByTestId("job-files")).containsText("trimmed 00:00:01–00:00:04");
        assertThat(page.getByTestId("timeline")).containsText("Claudio accepted the job");
        Browsers.screenshot(page, "job-completed");

        String reference = page.getByTestId("claudio-reference").textContent().trim();
        SandboxControl.Job atClaudio = sandbox.job(reference).orElseThrow();
        assertTrue(atClaudio.raw());
        assertEquals(List.of("part-1.wav", "part-2.wav", "loi.txt"), atClaudio.inputs().stream().map(SandboxControl.Job.Input::filename).toList());
        assertEquals("00:00:01", atClaudio.inputs().get(0).audioStart());
        assertEquals("00:00:04", atClaudio.inputs().get(0).audioEnd());
        assertEquals("loi", atClaudio.inputs().get(2).docType());

        // a transcript comes through a fresh link from Claudio, as a real document with the job's text
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("[data-testid=transcript-link]",
                new Page.LocatorOptions().setHasText(".txt")).first().click());
        String text;
        try {
            text = java.nio.file.Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(text.contains("Dr. Jane Roe"), text);
        assertTrue(download.url().startsWith(sandbox.url() + "/claudio/"), download.url());
    }

    @Test
    void badInputIsExplainedBesideTheFieldsAndNothingIsLost() {
        openForm();
        page.locator("#f-jobName").fill("");
        page.locator("#f-specialist_name").fill("Dr. Kept Value");
        page.getByTestId("document-picker").setInputFiles(TestFiles.text("kept.txt", "Claimant: K. Kept\n"));
        assertThat(page.locator("[data-list=DOCUMENT] .file-row[data-upload-id]:not([data-upload-id=''])")).hasCount(1);
        page.getByTestId("submit-job").click();

        assertThat(page.getByTestId("error-summary")).containsText("Give the job a name");
        assertThat(page.getByTestId("error-summary")).containsText("Add at least one recording");
        assertThat(page.locator("[data-field-error=jobName]")).isVisible();
        assertThat(page.locator("[data-field-error=audio]")).isVisible();
        assertThat(page.locator("#f-specialist_name")).hasValue("Dr. Kept Value");
        assertThat(page.locator("[data-list=DOCUMENT]")).containsText("kept.txt");
        Browsers.screenshot(page, "submit-validation");

        page.locator("#f-jobName").fill("Second try");
        page.getByTestId("audio-picker").setInputFiles(TestFiles.wav("short.wav", 3));
        Locator row = page.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(row).hasCount(1);
        row.locator("[data-trim=start]").fill("00:00:02");
        row.locator("[data-trim=end]").fill("00:00:09");
        // a trim past the measured length is a warning beside the recording, not a refusal (a header's length may be an estimate)
        assertThat(row.getByTestId("trim-note")).hasText("This recording is 0:03 long, shorter than the trim end 0:09.");
        row.locator("[data-trim=end]").fill("");
        assertThat(row.getByTestId("trim-note")).isHidden();
        assertThat(page.locator("#f-jobName")).hasValue("Second try");
        assertThat(page.locator("[data-list=DOCUMENT]")).containsText("kept.txt");

        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(page.getByTestId("job-name")).hasText("Second try");
    }

    @Test
    void oversizeAndDisguisedFilesAreRefusedWithAClearMessage() {
        openForm();
        page.getByTestId("audio-picker").setInputFiles(TestFiles.sparse("huge-dictation.wav", 260_000_000L));
        assertThat(page.locator("[data-list=AUDIO] .upload-error")).hasText(
                "\u201chuge-dictation.wav\u201d is 260 MB; a recording can be at most 250 MB.");

        Path pdf = TestFiles.pdf("letter.pdf");
        Path disguised = pdf.resolveSibling("interview.mp3");
        try {
            java.nio.file.Files.copy(pdf, disguised, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.getByTestId("audio-picker").setInputFiles(disguised);
        // behind the refused 260 MB file the browser may still be sending: allow a busy machine more than 5 s
        assertThat(page.locator("[data-list=AUDIO] .upload-error").nth(1)).containsText(
                "\u201cinterview.mp3\u201d is not an audio or video recording (it is a PDF document)",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        Browsers.screenshot(page, "submit-refused-files");
        assertThat(page.locator("[data-list=AUDIO] input[name=audioId]")).hasCount(0);
    }

    private void openForm() {
        page.navigate(base + "t/" + clinic.tenant() + "/jobs/new");
        page.waitForURL(url -> url.contains("?profile="));
        assertThat(page.getByTestId("submit-form")).isVisible();
    }
}
