package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented answer variant (docs/claudio.md §1.2 and §1.4), read from a fixture file. */
class AnswerReaderTest {

    private static final String KEY = "yourapikeygoeshere123456abc";
    private static final String SECRET = "yoursecretkeygoeshere123456789abcdefghijklm123";

    private final AnswerReader reader = new AnswerReader(new Redactor(KEY, SECRET),
            link -> link.startsWith("/") ? "https://claudio.example/team42" + link : link);

    @Test
    void uploadAudioReturnsTheAudioUrlAndMessage() {
        UploadedFile file = reader.upload(ClaudioAnswers.json(200, "upload-audio.json"), true).value();
        assertEquals("https://claudio-uploads.s3.ca-central-1.amazonaws.com/team42/dictation%201.wav", file.url());
        assertEquals("SUCCESS: Audio `dictation 1.wav` uploaded.", file.message());
    }

    @ParameterizedTest
    @ValueSource(strings = { "file_url", "document_url", "doc_url", "url", "location", "audio_url", "other-key" })
    void uploadDocumentAcceptsAnyOfTheLikelyUrlKeys(String key) {
        UploadedFile file = reader.upload(ClaudioAnswers.json(200, "upload-document-" + key + ".json"), false).value();
        assertEquals("https://claudio-uploads.s3.ca-central-1.amazonaws.com/team42/letter.pdf", file.url());
        assertTrue(file.message().startsWith("SUCCESS: Document"));
    }

    @Test
    void anUploadAnswerWithoutUrlIsUnexpected() {
        var result = reader.upload(answer(200, "{\"msg\":\"SUCCESS: Audio uploaded.\",\"return\":\"msg\"}"), true);
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, result.failureOrNull());
    }

    @Test
    void olderSubmitAnswerUsesMessage() {
        SubmittedJob job = reader.submit(ClaudioAnswers.json(200, "submit-older.json")).value();
        assertEquals("JOB12345", job.jobReferenceId());
        assertEquals("https://claudio.example/team42/jobs/JOB12345/poll", job.pollEndpoint());
        assertTrue(job.message().startsWith("SUCCESS: Job submitted successfully."));
        assertFalse(job.webhookConfirmed());
    }

    @Test
    void newestSubmitAnswerUsesMsgAndConfirmsTheWebhook() {
        SubmittedJob job = reader.submit(ClaudioAnswers.json(200, "submit-newest-webhook.json")).value();
        assertEquals("JOB12345", job.jobReferenceId());
        assertTrue(job.webhookConfirmed());
        assertFalse(job.message().contains("\n"), "line breaks are folded for display");
        assertTrue(job.message().contains("We will send a notification to the webhook URL when the job is completed."));
    }

    @Test
    void submitKeepsARelativePollEndpointAsSent() {
        SubmittedJob job = reader.submit(ClaudioAnswers.json(200, "submit-relative-poll-endpoint.json")).value();
        assertEquals("/jobs/JOB12345/poll", job.pollEndpoint());
    }

    @Test
    void submitAcceptsANumericJobReferenceAndNoPollEndpoint() {
        SubmittedJob job = reader.submit(ClaudioAnswers.json(200, "submit-numeric-id-no-poll-endpoint.json")).value();
        assertEquals("987654", job.jobReferenceId());
        assertNull(job.pollEndpoint());
    }

    @Test
    void aSubmitAnswerWithoutJobReferenceMayStillHaveCreatedAJob() {
        var html = reader.submit(new Exchange.Answered(200, "text/html", ClaudioAnswers.bytes("error-page.html")));
        assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, html.failureOrNull());
        var noId = reader.submit(answer(200, "{\"msg\":\"SUCCESS: Job submitted\"}"));
        assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, noId.failureOrNull());
    }

    @ParameterizedTest
    @ValueSource(strings = { "poll-in-progress-newer.json", "poll-in-progress-older.json", "poll-in-progress-odd-spacing.json" })
    void inProgressInEveryRendering(String fixture) {
        JobStatus status = reader.poll(ClaudioAnswers.json(200, fixture)).value();
        JobStatus.InProgress progress = assertInstanceOf(JobStatus.InProgress.class, status);
        assertTrue(progress.message().startsWith("NOTICE"), progress.message());
        assertFalse(progress.message().contains("\n"));
    }

    @Test
    void inProgressWithMediaFilesListsThem() {
        var progress = (JobStatus.InProgress) reader.poll(ClaudioAnswers.json(200, "poll-in-progress-odd-spacing.json")).value();
        assertEquals(1, progress.mediaFiles().size());
        var older = (JobStatus.InProgress) reader.poll(ClaudioAnswers.json(200, "poll-in-progress-older.json")).value();
        assertEquals(List.of(), older.mediaFiles());
    }

    @Test
    void completedNewerStyle() {
        var done = assertInstanceOf(JobStatus.Completed.class, reader.poll(ClaudioAnswers.json(200, "poll-completed-newer.json")).value());
        assertEquals("SUCCESS: Job completed.", done.message());
        assertEquals(2, done.transcriptUrls().size());
        assertTrue(done.transcriptUrls().get(1).contains("_LOI.docx"));
        assertEquals(1, done.mediaFiles().size());
        assertEquals(List.of(Map.of("key", "claimant_name", "value", "A. Example"), Map.of("key", "claim_number", "value", "C-123")),
                done.extractedFields());
        assertNull(done.rawText());
    }

    @Test
    void completedOlderStyleWithTranscriptLocation() {
        var done = (JobStatus.Completed) reader.poll(ClaudioAnswers.json(200, "poll-completed-older.json")).value();
        assertEquals(List.of("https://claudio-out.s3.ca-central-1.amazonaws.com/job/IME.txt?X-Amz-Expires=600"), done.transcriptUrls());
        assertEquals(1, done.mediaFiles().size(), "media_files is read although 'return' omits it");
        assertEquals(List.of(), done.extractedFields());
    }

    @Test
    void aSingleTranscriptStringIsReadAsAList() {
        var done = (JobStatus.Completed) reader.poll(ClaudioAnswers.json(200, "poll-completed-single-string.json")).value();
        assertEquals(1, done.transcriptUrls().size());
        assertEquals(List.of(), done.mediaFiles());
    }

    @Test
    void finishedTranscriptWithWordDocumentUrls() {
        var done = (JobStatus.Completed) reader.poll(ClaudioAnswers.json(200, "poll-completed-finished-transcript-urls.json")).value();
        assertEquals(2, done.transcriptUrls().size());
        assertNull(done.rawText());
    }

    @Test
    void rawTextInPlaceOfAUrlBecomesRawText() {
        var done = (JobStatus.Completed) reader.poll(ClaudioAnswers.json(200, "poll-completed-raw-text.json")).value();
        assertEquals(List.of(), done.transcriptUrls());
        assertEquals("The claimant attended the examination on time.\nHistory: right knee pain since 2021.", done.rawText());
    }

    @Test
    void mediaFileSingularIsAccepted() {
        var done = (JobStatus.Completed) reader.poll(ClaudioAnswers.json(200, "poll-completed-media-file-singular.json")).value();
        assertEquals(List.of("https://claudio-media.s3.ca-central-1.amazonaws.com/job/merged.mp3"), done.mediaFiles());
    }

    @Test
    void oddSpacingLowerCaseTagObjectMediaAndFieldMap() {
        var done = assertInstanceOf(JobStatus.Completed.class,
                reader.poll(ClaudioAnswers.json(200, "poll-completed-odd-spacing.json")).value());
        assertEquals("success :Job completed.", done.message());
        assertEquals(List.of("https://claudio-media.s3.ca-central-1.amazonaws.com/job/merged.mp3"), done.mediaFiles());
        assertEquals(List.of(Map.of("key", "claimant_name", "value", "A. Example")), done.extractedFields());
    }

    @Test
    void relativeLinksAreResolvedAgainstTheBaseUrl() {
        var done = (JobStatus.Completed) reader.poll(answer(200,
                "{\"msg\":\"SUCCESS: Job completed. \",\"transcript_url\":[\"/files/abc/IME.txt\"]}")).value();
        assertEquals(List.of("https://claudio.example/team42/files/abc/IME.txt"), done.transcriptUrls());
    }

    @Test
    void aPollAnswerThatIsNeitherProgressNorCompletionIsUnexpected() {
        var result = reader.poll(answer(200, "{\"msg\":\"ERROR: Job failed: audio unreadable.\"}"));
        var failure = assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, result.failureOrNull());
        assertTrue(failure.description().contains("Job failed: audio unreadable."));
    }

    @Test
    void documentedJobDetails() {
        JobDetails d = reader.details(ClaudioAnswers.json(200, "details-completed.json"), "JOB12345").value();
        assertEquals("JOB12345", d.jobReferenceId());
        assertEquals("Knee IME", d.jobName());
        assertEquals("completed", d.status());
        assertEquals("IME with Structura Doc Extraction", d.profileName());
        assertEquals("2025-03-04 10:15:00", d.submittedAt());
        assertEquals("2025-03-04 10:21:40", d.completedAt());
        assertEquals(754.2, d.totalAudioLengthSeconds());
        assertEquals(Boolean.FALSE, d.blankAudio());
        assertNull(d.errorMessage());
        assertEquals(2, d.inputFiles().size());
        assertEquals(new JobDetails.FileEntry("dictation 1.wav", "audio", 4823311L,
                "https://claudio-in.s3.ca-central-1.amazonaws.com/job/dictation%201.wav?X-Amz-Expires=600", null),
                d.inputFiles().get(0));
        assertEquals("attachment", d.inputFiles().get(1).kind());
        assertEquals(2, d.transcripts().size());
        assertEquals("IME Doc Extraction_LOI.docx", d.transcripts().get(1).filename());
        assertEquals("final_transcript", d.transcripts().get(0).kind());
        assertEquals("en", d.transcripts().get(0).languageCode());
    }

    @Test
    void jobDetailsWithLooseTypes() {
        JobDetails d = reader.details(ClaudioAnswers.json(200, "details-loose-types.json"), "JOB777").value();
        assertEquals("JOB777", d.jobReferenceId(), "falls back to the reference asked for");
        assertEquals(754.0, d.totalAudioLengthSeconds(), "HH:MM:SS is read as seconds");
        assertEquals(Boolean.FALSE, d.blankAudio());
        assertEquals(4823311L, d.inputFiles().get(0).fileSize());
        assertEquals("https://claudio.example/team42/files/in/1", d.inputFiles().get(0).downloadUrl());
        assertEquals(List.of("IME.txt"), d.transcripts().stream().map(JobDetails.FileEntry::filename).toList());
    }

    @Test
    void errorStatusesBecomeTypedFailuresWithTheVendorMessage() {
        var rejected = assertInstanceOf(ClaudioFailure.Rejected.class,
                reader.poll(ClaudioAnswers.json(400, "error-400.json")).failureOrNull());
        assertEquals("ERROR: Unexpected error occurred. Invalid profile_id.", rejected.vendorMessage());
        var unauthorized = assertInstanceOf(ClaudioFailure.Unauthorized.class,
                reader.details(ClaudioAnswers.json(401, "error-401.json"), "J").failureOrNull());
        assertEquals("ERROR: User not authorized.", unauthorized.vendorMessage());
        var vendor = assertInstanceOf(ClaudioFailure.VendorError.class,
                reader.upload(ClaudioAnswers.json(500, "error-500.json"), true).failureOrNull());
        assertEquals(500, vendor.status());
        assertEquals("ERROR: Internal Server Error", vendor.vendorMessage());
        var proxy = assertInstanceOf(ClaudioFailure.VendorError.class,
                reader.poll(new Exchange.Answered(502, "text/html", ClaudioAnswers.bytes("error-page.html"))).failureOrNull());
        assertEquals(502, proxy.status());
        assertNull(proxy.vendorMessage(), "an HTML body is not shown as a vendor message");
        var submitError = assertInstanceOf(ClaudioFailure.Rejected.class,
                reader.submit(ClaudioAnswers.json(400, "error-400.json")).failureOrNull());
        assertTrue(submitError.userMessage().contains("Invalid profile_id"));
    }

    @Test
    void anHtmlPageWithStatus200IsUnexpected() {
        var failure = assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class,
                reader.poll(new Exchange.Answered(200, "text/html; charset=utf-8", ClaudioAnswers.bytes("error-page.html"))).failureOrNull());
        assertEquals("an HTML page instead of JSON (HTTP 200)", failure.description());
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class,
                reader.details(new Exchange.Answered(200, null, new byte[0]), "J").failureOrNull());
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class,
                reader.upload(answer(200, "[\"not\",\"an\",\"object\"]"), true).failureOrNull());
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class,
                reader.poll(new Exchange.Answered(200, "application/json", null)).failureOrNull());
    }

    @Test
    void connectionCheckReadsClaudioShapedAnswersAsAccepted() {
        assertTrue(reader.check(answer(404, "{\"msg\":\"ERROR: Job not found.\"}")).isSuccess());
        assertTrue(reader.check(answer(400, "{\"msg\":\"ERROR: Unexpected error occurred.\"}")).isSuccess());
        assertTrue(reader.check(ClaudioAnswers.json(200, "poll-in-progress-older.json")).isSuccess());
        assertInstanceOf(ClaudioFailure.Unauthorized.class, reader.check(ClaudioAnswers.json(401, "error-401.json")).failureOrNull());
        assertInstanceOf(ClaudioFailure.Unauthorized.class,
                reader.check(new Exchange.Answered(401, "text/html", ClaudioAnswers.bytes("error-page.html"))).failureOrNull());
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class,
                reader.check(new Exchange.Answered(200, "text/html", ClaudioAnswers.bytes("error-page.html"))).failureOrNull());
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class,
                reader.check(new Exchange.Answered(404, "text/html", ClaudioAnswers.bytes("error-page.html"))).failureOrNull());
        assertInstanceOf(ClaudioFailure.VendorError.class, reader.check(ClaudioAnswers.json(500, "error-500.json")).failureOrNull());
        assertInstanceOf(ClaudioFailure.VendorError.class, reader.check(answer(403, "{\"error\":\"forbidden\"}")).failureOrNull());
    }

    @Test
    void echoedCredentialsAreRedactedFromEveryMessage() {
        var result = reader.poll(answer(401, "{\"msg\":\"ERROR: key " + KEY + " with secret " + SECRET + " is not valid\"}"));
        String shown = result.failureOrNull().toString() + result.failureOrNull().userMessage();
        assertFalse(shown.contains(KEY));
        assertFalse(shown.contains(SECRET));
        assertTrue(((ClaudioFailure.Unauthorized) result.failureOrNull()).vendorMessage().contains("[redacted]"));
    }

    private static Exchange.Answered answer(int status, String json) {
        return new Exchange.Answered(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
