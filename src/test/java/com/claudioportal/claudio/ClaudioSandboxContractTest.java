package com.claudioportal.claudio;

import static com.claudioportal.infra.SandboxTestKit.awaitCompleted;
import static com.claudioportal.infra.SandboxTestKit.download;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.SandboxTestKit;
import com.claudioportal.infra.TestSandbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/** The client against the Claudio sandbox (the run's {@link TestSandbox}), end to end over HTTP, for every call and failure. */
@QuarkusTest
class ClaudioSandboxContractTest {

    @Inject
    ClaudioClient client;

    final SandboxControl sandbox = TestSandbox.control();

    @Inject
    Vertx vertx;

    @TempDir
    Path dir;

    private ClaudioClient customClient(java.util.function.UnaryOperator<TestClaudioConfig> change) {
        return new ClaudioClient(vertx, change.apply(TestClaudioConfig.defaults()).build(), new SimpleMeterRegistry());
    }

    @Test
    void aWholeJobInTheNewerStyle() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        assertTrue(client.checkConnection(account).value().detail().contains("accepted"));

        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "upload-1.tmp", 2), "Dictation 1.wav").value();
        assertTrue(audio.url().startsWith(account.baseUrl() + "/uploads/"));
        assertEquals("SUCCESS: Audio `Dictation 1.wav` uploaded.", audio.message());
        UploadedFile letter = client.uploadDocument(account, SandboxTestKit.text(dir, "upload-2.tmp",
                "Claimant: A. Example\nClaim number: C-123\n"), "letter of instruction.txt").value();

        SubmittedJob job = client.submit(account, request(audio, letter, false)).value();
        assertEquals(20, job.jobReferenceId().length());
        assertEquals(account.baseUrl() + "/jobs/" + job.jobReferenceId() + "/poll", job.pollEndpoint());
        assertFalse(job.webhookConfirmed());

        JobStatus first = client.poll(account, job.jobReferenceId(), job.pollEndpoint()).value();
        var progress = assertInstanceOf(JobStatus.InProgress.class, first);
        assertEquals("NOTICE: The job is in progress. Please try again after sometime.", progress.message());
        assertEquals(List.of(), progress.mediaFiles());

        JobStatus.Completed done = awaitCompleted(client, account, job.jobReferenceId());
        assertEquals("SUCCESS: Job completed.", done.message());
        assertEquals(3, done.transcriptUrls().size(), "txt, docx and _LOI.docx");
        assertTrue(done.transcriptUrls().stream().anyMatch(u -> u.endsWith("/Knee%20IME_LOI.docx")));
        assertEquals(1, done.mediaFiles().size());
        assertNull(done.rawText());
        assertEquals("Claim number", done.extractedFields().get(1).get("label"));
        assertEquals("C-123", done.extractedFields().get(1).get("value"));
        for (String url : done.transcriptUrls()) {
            assertEquals(200, download(url).statusCode(), url);
        }
        String txt = new String(download(done.transcriptUrls().stream().filter(u -> u.endsWith(".txt")).findFirst().orElseThrow()).body(),
                StandardCharsets.UTF_8);
        assertTrue(txt.contains("Job: Knee IME") && txt.contains("Medical Specialist: Dr. A. Example") && txt.contains("Dictation 1.wav"));

        JobDetails details = client.details(account, job.jobReferenceId()).value();
        assertEquals(job.jobReferenceId(), details.jobReferenceId());
        assertEquals("completed", details.status());
        assertEquals("Knee IME", details.jobName());
        assertEquals(2.0, details.totalAudioLengthSeconds());
        assertEquals(List.of("audio", "attachment"), details.inputFiles().stream().map(JobDetails.FileEntry::kind).toList());
        assertEquals("Dictation 1.wav", details.inputFiles().get(0).filename());
        assertEquals(200, download(details.inputFiles().get(1).downloadUrl()).statusCode());
        assertEquals(3, details.transcripts().size());
        assertTrue(details.transcripts().stream().allMatch(t -> "final_transcript".equals(t.kind()) && "en".equals(t.languageCode())));

        SandboxControl.Job received = sandbox.job(job.jobReferenceId()).orElseThrow();
        assertEquals("Dr. A. Example", received.jobData().get(0).get("input_value"));
        assertEquals("loi", received.inputs().get(1).docType());
        assertEquals("letter of instruction.txt", received.inputs().get(1).uploadedFilename());
    }

    @Test
    void theOlderStyleWithMessageARelativePollEndpointAndTranscriptLocation() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        sandbox.setPollStyle(slug, "OLDER");
        // held in progress until the test completes it: a loaded machine can take longer than any short processing time
        sandbox.setProcessingTime(slug, Duration.ofMinutes(10));
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "a.wav").value();

        SubmittedJob job = client.submit(account, request(audio, null, false)).value();
        assertTrue(job.message().startsWith("SUCCESS: Job submitted successfully."));
        assertEquals("/claudio/" + slug + "/jobs/" + job.jobReferenceId() + "/poll", job.pollEndpoint());

        ClaudioClient returned = customClient(s -> s.withPollEndpointSource(PollEndpointSource.RETURNED));
        try {
            var progress = assertInstanceOf(JobStatus.InProgress.class, returned.poll(account, job.jobReferenceId(), job.pollEndpoint()).value());
            assertEquals("NOTICE: The job is in progress. Please try again after some time.", progress.message());
            sandbox.complete(job.jobReferenceId());
            JobStatus.Completed done = awaitCompleted(returned, account, job.jobReferenceId());
            assertEquals(2, done.transcriptUrls().size(), "txt and docx; no letter of instruction");
            assertEquals(List.of(), done.extractedFields());
        } finally {
            returned.close();
        }
    }

    @Test
    void isRawGivesTheTranscriptTextBesideTheLinks() throws IOException {
        ClaudioAccount account = SandboxTestKit.account(sandbox, SandboxTestKit.slug());
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "r.wav", 1), "r.wav").value();
        SubmittedJob job = client.submit(account, request(audio, null, true)).value();
        JobStatus.Completed done = awaitCompleted(client, account, job.jobReferenceId());
        assertNotNull(done.rawText());
        assertTrue(done.rawText().contains("Job: Knee IME") && done.rawText().contains("Medical Specialist: Dr. A. Example"));
        assertEquals(2, done.transcriptUrls().size());
        assertTrue(sandbox.job(job.jobReferenceId()).orElseThrow().raw());
    }

    @Test
    void aRejectedSubmitCarriesTheSandboxMessage() {
        ClaudioAccount account = SandboxTestKit.account(sandbox, SandboxTestKit.slug());
        SubmitRequest notUploaded = new SubmitRequest("F", "P", false, "Profile", "Job", List.of(),
                List.of(new SubmitRequest.AudioFile("x.wav", "https://elsewhere.example/x.wav", null, null)), List.of());
        var rejected = assertInstanceOf(ClaudioFailure.Rejected.class, client.submit(account, notUploaded).failureOrNull());
        assertTrue(rejected.vendorMessage().contains("audio_files[0].audio_location is not an audio file uploaded to this account"));
        assertEquals(0, sandbox.jobCount(account.baseUrl().substring(account.baseUrl().lastIndexOf('/') + 1)));
        var unknownJob = assertInstanceOf(ClaudioFailure.Rejected.class, client.poll(account, "NOSUCHJOB", null).failureOrNull());
        assertTrue(unknownJob.vendorMessage().startsWith("ERROR:"));
    }

    @Test
    void wrongCredentialsAndKeyRotation() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        Path wav = SandboxTestKit.wav(dir, "k.wav", 1);
        ClaudioAccount wrongSecret = new ClaudioAccount(account.baseUrl(), account.apiKey(), "not-the-secret");
        var unauthorized = assertInstanceOf(ClaudioFailure.Unauthorized.class, client.uploadAudio(wrongSecret, wav, "k.wav").failureOrNull());
        assertTrue(unauthorized.vendorMessage().startsWith("ERROR: User not authorized."));
        assertInstanceOf(ClaudioFailure.Unauthorized.class, client.checkConnection(wrongSecret).failureOrNull());

        sandbox.setKeyRevoked(slug, true);
        assertInstanceOf(ClaudioFailure.Unauthorized.class, client.checkConnection(account).failureOrNull());
        assertInstanceOf(ClaudioFailure.Unauthorized.class, client.uploadAudio(account, wav, "k.wav").failureOrNull());
        String newKey = sandbox.rotateKey(slug);
        assertInstanceOf(ClaudioFailure.Unauthorized.class, client.checkConnection(account).failureOrNull(), "the old key stays invalid");
        ClaudioAccount rotated = new ClaudioAccount(account.baseUrl(), newKey, account.apiSecret());
        assertTrue(client.checkConnection(rotated).isSuccess());
        assertTrue(client.uploadAudio(rotated, wav, "k.wav").isSuccess());
    }

    @Test
    void injected500sAreVendorErrorsAndASubmitAnswered500CreatedNothing() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "e.wav", 1), "e.wav").value();
        sandbox.setErrorRate(slug, "SUBMIT", 1.0);
        sandbox.setErrorRate(slug, "UPLOAD_DOCUMENT", 1.0);
        var submit = assertInstanceOf(ClaudioFailure.VendorError.class, client.submit(account, request(audio, null, false)).failureOrNull());
        assertEquals(500, submit.status());
        assertEquals(0, sandbox.jobCount(slug));
        ClaudioClient quick = customClient(s -> s.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
        try {
            assertInstanceOf(ClaudioFailure.VendorError.class,
                    quick.uploadDocument(account, SandboxTestKit.text(dir, "d.txt", "x"), "d.txt").failureOrNull());
            sandbox.clearFaults(slug);
            SubmittedJob job = quick.submit(account, request(audio, null, false)).value();
            sandbox.setErrorRate(slug, "POLL", 1.0);
            sandbox.setErrorRate(slug, "DETAILS", 1.0);
            assertInstanceOf(ClaudioFailure.VendorError.class, quick.poll(account, job.jobReferenceId(), null).failureOrNull());
            assertInstanceOf(ClaudioFailure.VendorError.class, quick.details(account, job.jobReferenceId()).failureOrNull());
        } finally {
            quick.close();
        }
        assertEquals(0, sandbox.uploads(slug).stream().filter(u -> u.role().equals("DOCUMENT")).count());
    }

    @Test
    void aDroppedSubmitAnswerIsAnUnknownOutcomeAndTheJobExists() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "d.wav", 1), "d.wav").value();
        sandbox.setDropSubmitResponse(slug, true);

        var unknown = assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, client.submit(account, request(audio, null, false)).failureOrNull());

        assertFalse(unknown.isTransient());
        assertEquals(1, sandbox.jobCount(slug), "the job was created once and not submitted again");
        assertEquals("Knee IME", sandbox.jobs(slug).get(0).jobName());
    }

    @Test
    void latencyBeyondTheTimeoutIsATimeoutAndASlowSubmitStillCreatesItsJob() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "l.wav", 1), "l.wav").value();
        sandbox.setLatency(slug, Duration.ofMillis(1200));
        ClaudioClient impatient = customClient(s -> s.withAllTimeouts(Duration.ofMillis(400))
                .withRetry(0, Duration.ofMillis(1), Duration.ofMillis(1)));
        try {
            assertInstanceOf(ClaudioFailure.Timeout.class, impatient.poll(account, "ANY", null).failureOrNull());
            assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, impatient.submit(account, request(audio, null, false)).failureOrNull());
        } finally {
            impatient.close();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sandbox.jobCount(slug) == 0 && System.nanoTime() < deadline) {
            SandboxTestKit.sleep(100);
        }
        assertEquals(1, sandbox.jobCount(slug), "the outcome really was unknown: the job arrived after the client gave up");
    }

    @Test
    void aSandboxAccountThatKeepsFailingOpensItsBreakerAndOnlyItsOwn() {
        String failing = SandboxTestKit.slug();
        ClaudioAccount broken = SandboxTestKit.account(sandbox, failing);
        ClaudioAccount healthy = SandboxTestKit.account(sandbox, SandboxTestKit.slug());
        sandbox.setErrorRate(failing, "POLL", 1.0);
        ClaudioClient breaking = customClient(s -> s.withRetry(0, Duration.ofMillis(1), Duration.ofMillis(1))
                .withBreaker(3, 1.0, Duration.ofSeconds(30), 1));
        try {
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(ClaudioFailure.VendorError.class, breaking.poll(broken, "ANY", null).failureOrNull());
            }
            sandbox.clearFaults(failing);
            assertInstanceOf(ClaudioFailure.CircuitOpen.class, breaking.poll(broken, "ANY", null).failureOrNull(),
                    "not called while open, although the sandbox would answer again");
            assertInstanceOf(ClaudioFailure.Rejected.class, breaking.poll(healthy, "ANY", null).failureOrNull(),
                    "another base URL is called as usual (and answers: no such job)");
        } finally {
            breaking.close();
        }
    }

    static SubmitRequest request(UploadedFile audio, UploadedFile letter, boolean raw) {
        return new SubmitRequest("70L34P7896Q97U81", "12M78H7656325X96R99", raw, "IME with Structura Doc Extraction", "Knee IME",
                List.of(new SubmitRequest.JobField("specialist_name", "Medical Specialist", "string", "string",
                        "Approved Medical Specialist name", "Dr. A. Example")),
                List.of(new SubmitRequest.AudioFile("Dictation 1.wav", audio.url(), "00:00:00", "00:00:00")),
                letter == null ? List.of() : List.of(new SubmitRequest.Attachment("letter of instruction.txt", "loi", letter.url())));
    }
}
