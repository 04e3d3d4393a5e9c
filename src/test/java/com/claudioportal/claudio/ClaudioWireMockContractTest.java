package com.claudioportal.claudio;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * The client against WireMock stubs of the documented payloads: every call, every answer variant
 * and every failure outcome. Each test uses a base URL of its own (a path on the stub server), so
 * circuit breakers, which are per base URL, never carry over between tests.
 */
@QuarkusTest
class ClaudioWireMockContractTest {

    static final String KEY = "yourapikeygoeshere123456abc";
    static final String SECRET = "yoursecretkeygoeshere123456789abcdefghijklm123";
    private static final AtomicInteger BASES = new AtomicInteger();
    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()).resetOnEachTest(false).build();

    @Inject
    ClaudioClient client;

    @Inject
    Vertx vertx;

    @TempDir
    Path dir;

    /** A fresh tenant base path, e.g. "/team7". */
    private static String team() {
        return "/team" + BASES.incrementAndGet();
    }

    /** A fresh tenant base path whose Claudio answers every POST to {@code path} with {@code answer}. */
    private static String teamAnswering(String path, ResponseDefinitionBuilder answer) {
        String team = team();
        wiremock.stubFor(post(team + path).willReturn(answer));
        return team;
    }

    private static ClaudioAccount account(String team) {
        return new ClaudioAccount("http://localhost:" + wiremock.getPort() + team, KEY, SECRET);
    }

    private ClaudioClient customClient(java.util.function.UnaryOperator<TestClaudioConfig> change) {
        return new ClaudioClient(vertx, change.apply(TestClaudioConfig.defaults()).build(), new SimpleMeterRegistry());
    }

    private static TestClaudioConfig quick(TestClaudioConfig s) {
        return s.withRetry(2, Duration.ofMillis(10), Duration.ofMillis(20));
    }

    /** Runs {@code calls} with a client of its own, configured by {@code change}, closed after. */
    private void withClient(java.util.function.UnaryOperator<TestClaudioConfig> change, java.util.function.Consumer<ClaudioClient> calls) {
        OwnClient.using(customClient(change), calls);
    }

    /** Polls job J1 of {@code team} once, with a client of its own configured by {@code change}. */
    private ClaudioResult<JobStatus> pollOnce(java.util.function.UnaryOperator<TestClaudioConfig> change, String team) {
        List<ClaudioResult<JobStatus>> polled = new java.util.ArrayList<>();
        withClient(change, own -> polled.add(own.poll(account(team), "J1", null)));
        return polled.get(0);
    }

    /** How many submits reached {@code team}'s Claudio, retries included. */
    private static void assertSubmits(int times, String team) {
        wiremock.verify(times, postRequestedFor(urlEqualTo(team + "/jobs/submit")));
    }

    /** How many polls of job J1 reached {@code team}'s Claudio, retries included. */
    private static void assertPolls(int times, String team) {
        wiremock.verify(times, postRequestedFor(urlEqualTo(team + "/jobs/J1/poll")));
    }

    /** Claudio answering {@code status} with its recorded JSON answer {@code file} (src/test/resources). */
    private static ResponseDefinitionBuilder answer(int status, String file) {
        return recorded(status, "application/json", file);
    }

    /** Claudio answering {@code status} with a recorded answer {@code file} of {@code contentType}. */
    private static ResponseDefinitionBuilder recorded(int status, String contentType, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(ClaudioAnswers.bytes(file));
    }

    private static String credentialsJson() {
        return "{\"key\":\"" + KEY + "\",\"secret\":\"" + SECRET + "\"}";
    }

    // ---- Upload Audio / Upload Document --------------------------------------------------------

    @Test
    void uploadAudioSendsKeySecretAndTheFileUnderItsOriginalNameWithAContentLength() throws IOException {
        String team = teamAnswering("/audio/upload", answer(200, "upload-audio.json"));
        Path temp = Files.write(dir.resolve("upload-4711.tmp"), "RIFF-not-really-a-wav".getBytes(StandardCharsets.UTF_8));

        ClaudioResult<UploadedFile> result = client.uploadAudio(account(team), temp, "C:\\Users\\dr\\dictation 1.wav");

        assertEquals("https://claudio-uploads.s3.ca-central-1.amazonaws.com/team42/dictation%201.wav", result.value().url());
        wiremock.verify(1, postRequestedFor(urlEqualTo(team + "/audio/upload"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withHeader("Content-Length", matching("\\d+"))
                .withHeader("Transfer-Encoding", absent())
                .withRequestBodyPart(aMultipart().withName("key").withBody(equalTo(KEY)).build())
                .withRequestBodyPart(aMultipart().withName("secret").withBody(equalTo(SECRET)).build())
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"dictation 1.wav\""))
                        .withHeader("Content-Type", equalTo("audio/wav"))
                        .withBody(equalTo("RIFF-not-really-a-wav")).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "file_url", "document_url", "doc_url", "url", "location", "audio_url", "other-key" })
    void uploadDocumentReadsEveryLikelyUrlKey(String variant) throws IOException {
        String team = teamAnswering("/documents/upload", answer(200, "upload-document-" + variant + ".json"));
        Path file = Files.writeString(dir.resolve("x.bin"), "%PDF-1.4 letter");

        UploadedFile uploaded = client.uploadDocument(account(team), file, "letter \"final\".pdf").value();

        assertEquals("https://claudio-uploads.s3.ca-central-1.amazonaws.com/team42/letter.pdf", uploaded.url());
        wiremock.verify(1, postRequestedFor(urlEqualTo(team + "/documents/upload"))
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"letter %22final%22.pdf\""))
                        .withHeader("Content-Type", equalTo("application/pdf")).build()));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeSendingAndWithoutReadingIt() throws IOException {
        String team = team();
        Path big = dir.resolve("huge.wav");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(300_000_000L);
        }
        long started = System.nanoTime();
        var result = client.uploadAudio(account(team), big, "huge.wav");
        var tooLarge = assertInstanceOf(ClaudioFailure.TooLarge.class, result.failureOrNull());
        assertEquals(300_000_000L, tooLarge.size());
        assertEquals(250_000_000L, tooLarge.limit());
        assertTrue(tooLarge.userMessage().contains("300 MB") && tooLarge.userMessage().contains("250 MB"));
        assertTrue(System.nanoTime() - started < 1_000_000_000L);
        var document = client.uploadDocument(account(team), big, "huge.pdf");
        assertInstanceOf(ClaudioFailure.TooLarge.class, document.failureOrNull());
        wiremock.verify(0, anyRequestedFor(urlPathMatching(team + "/.*")));
    }

    // ---- Submit -----------------------------------------------------------------------------------

    @Test
    void submitPostsTheSampleShapedJsonAndReadsTheOlderAnswer() {
        String team = teamAnswering("/jobs/submit", answer(200, "submit-older.json"));

        SubmittedJob job = client.submit(account(team), request()).value();

        assertEquals("JOB12345", job.jobReferenceId());
        assertEquals("https://claudio.example/team42/jobs/JOB12345/poll", job.pollEndpoint());
        wiremock.verify(1, postRequestedFor(urlEqualTo(team + "/jobs/submit"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"key":"%s","secret":"%s","form_id":"70L34P7896Q97U81","profile_id":"12M78H7656325X96R99",
                         "is_raw":"0","profile_name":"IME with Structura Doc Extraction","job_name":"Knee IME",
                         "job_data":[{"key":"specialist_name","ui_label":"Medical Specialist","type":"string",
                                      "ui_type":"string","ui_desc":"Approved Medical Specialist name","input_value":"Dr. A. Example"}],
                         "audio_files":[{"audio_filename":"dictation 1.wav","audio_location":"https://up/1",
                                         "audio_start":"00:00:05","audio_end":"00:10:00"}],
                         "attachments":[{"filename":"letter.pdf","doc_type":"loi","location":"https://up/2"}]}
                        """.formatted(KEY, SECRET))));
    }

    @Test
    void submitReadsTheNewestAnswerWithItsWebhookConfirmation() {
        String team = teamAnswering("/jobs/submit", answer(200, "submit-newest-webhook.json"));
        SubmittedJob job = client.submit(account(team), request()).value();
        assertTrue(job.webhookConfirmed());
        assertTrue(job.message().startsWith("SUCCESS: Job[Knee IME] submitted successfully."));
    }

    @Test
    void aRejectedSubmitCarriesTheVendorMessageAndIsNotRepeated() {
        String team = teamAnswering("/jobs/submit", answer(400, "error-400.json"));
        var rejected = assertInstanceOf(ClaudioFailure.Rejected.class, client.submit(account(team), request()).failureOrNull());
        assertEquals("ERROR: Unexpected error occurred. Invalid profile_id.", rejected.vendorMessage());
        assertSubmits(1, team);
    }

    @Test
    void aSubmitAnswered500IsAVendorErrorAndNeverRepeated() {
        String team = teamAnswering("/jobs/submit", answer(500, "error-500.json"));
        var error = assertInstanceOf(ClaudioFailure.VendorError.class, client.submit(account(team), request()).failureOrNull());
        assertEquals(500, error.status());
        assertTrue(error.isTransient());
        assertSubmits(1, team);
    }

    @ParameterizedTest
    @ValueSource(strings = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE" })
    void aSubmitWhoseAnswerIsLostHasAnUnknownOutcomeAndIsNotRepeated(Fault fault) {
        String team = teamAnswering("/jobs/submit", aResponse().withFault(fault));
        var unknown = assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, client.submit(account(team), request()).failureOrNull());
        assertTrue(unknown.userMessage().contains("may or may not have been created"));
        assertSubmits(1, team);
    }

    @Test
    void aSubmitThatTimesOutHasAnUnknownOutcomeAndIsNotRepeated() {
        String team = teamAnswering("/jobs/submit", answer(200, "submit-older.json").withFixedDelay(1500));
        withClient(s -> quick(s).withAllTimeouts(Duration.ofMillis(300)), impatient -> {
            assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, impatient.submit(account(team), request()).failureOrNull());
        });
        assertSubmits(1, team);
    }

    @Test
    void aSubmitAnswered200WithHtmlMayHaveCreatedAJob() {
        String team = teamAnswering("/jobs/submit", recorded(200, "text/html", "error-page.html"));
        assertInstanceOf(ClaudioFailure.OutcomeUnknown.class, client.submit(account(team), request()).failureOrNull());
    }

    @Test
    void aSubmitThatCannotConnectIsUnreachableAndMayBeRetriedBecauseNothingWasSent() throws IOException {
        ClaudioAccount nowhere = new ClaudioAccount("http://localhost:" + closedPort() + "/team", KEY, SECRET);
        withClient(ClaudioWireMockContractTest::quick, retrying -> {
            var result = retrying.submit(nowhere, request());
            var unreachable = assertInstanceOf(ClaudioFailure.Unreachable.class, result.failureOrNull());
            assertEquals("connection refused", unreachable.reason());
        });
    }

    // ---- Poll ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "poll-in-progress-newer.json, InProgress",
            "poll-in-progress-older.json, InProgress",
            "poll-in-progress-odd-spacing.json, InProgress",
            "poll-completed-newer.json, Completed",
            "poll-completed-older.json, Completed",
            "poll-completed-single-string.json, Completed",
            "poll-completed-finished-transcript-urls.json, Completed",
            "poll-completed-raw-text.json, Completed",
            "poll-completed-media-file-singular.json, Completed",
            "poll-completed-odd-spacing.json, Completed" })
    void pollPostsTheCredentialsToTheDocumentedPathAndReadsEveryVariant(String fixture, String expected) {
        String team = team();
        wiremock.stubFor(post(team + "/jobs/JOB12345/poll").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ClaudioAnswers.bytes(fixture))));

        JobStatus status = client.poll(account(team), "JOB12345", "https://elsewhere.example/poll").value();

        assertEquals(expected, status.getClass().getSimpleName());
        wiremock.verify(1, postRequestedFor(urlEqualTo(team + "/jobs/JOB12345/poll"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(credentialsJson())));
    }

    @Test
    void pollRetriesA500AndSucceedsWhenClaudioRecovers() {
        String team = team();
        wiremock.stubFor(post(team + "/jobs/J1/poll").inScenario(team).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(ClaudioAnswers.bytes("error-500.json"))).willSetStateTo("up"));
        wiremock.stubFor(post(team + "/jobs/J1/poll").inScenario(team).whenScenarioStateIs("up")
                .willReturn(answer(200, "poll-completed-newer.json")));
        assertInstanceOf(JobStatus.Completed.class, pollOnce(ClaudioWireMockContractTest::quick, team).value());
        assertPolls(2, team);
    }

    @Test
    void pollGivesUpAfterTheConfiguredRetriesWithTheVendorError() {
        String team = teamAnswering("/jobs/J1/poll", answer(500, "error-500.json"));
        var error = assertInstanceOf(ClaudioFailure.VendorError.class, pollOnce(ClaudioWireMockContractTest::quick, team).failureOrNull());
        assertEquals("ERROR: Internal Server Error", error.vendorMessage());
        assertPolls(3, team);
    }

    @Test
    void noRetryStartsWhoseWaitWouldEndPastTheRetryBudget() {
        String team = teamAnswering("/jobs/J1/poll", answer(500, "error-500.json"));
        // waits of 0.8-1.2 s within a 1.5 s budget: the first retry fits, a second would end past it
        assertInstanceOf(ClaudioFailure.VendorError.class,
                pollOnce(s -> s.withRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500)), team).failureOrNull());
        assertPolls(2, team);
    }

    @Test
    void pollOfAJobClaudioRefusesIsRejectedWithoutRetrying() {
        String team = teamAnswering("/jobs/J1/poll", answer(400, "error-400.json"));
        assertInstanceOf(ClaudioFailure.Rejected.class, client.poll(account(team), "J1", null).failureOrNull());
        assertPolls(1, team);
    }

    @Test
    void wrongCredentialsAreUnauthorizedOnEveryCall() throws IOException {
        String team = team();
        wiremock.stubFor(any(urlPathMatching(team + "/.*")).willReturn(answer(401, "error-401.json")));
        Path file = Files.writeString(dir.resolve("a.wav"), "x");
        List<ClaudioResult<?>> results = List.of(client.uploadAudio(account(team), file, "a.wav"),
                client.uploadDocument(account(team), file, "a.pdf"), client.submit(account(team), request()),
                client.poll(account(team), "J1", null), client.details(account(team), "J1"), client.checkConnection(account(team)));
        for (ClaudioResult<?> result : results) {
            var unauthorized = assertInstanceOf(ClaudioFailure.Unauthorized.class, result.failureOrNull());
            assertEquals("ERROR: User not authorized.", unauthorized.vendorMessage());
        }
        wiremock.verify(6, anyRequestedFor(urlPathMatching(team + "/.*")));
    }

    @Test
    void anHtmlPageAnswered200IsAnUnexpectedAnswer() {
        String team = teamAnswering("/jobs/J1/poll", recorded(200, "text/html", "error-page.html"));
        wiremock.stubFor(post(team + "/jobs/J1/details").willReturn(recorded(200, "text/html", "error-page.html")));
        var poll = assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, client.poll(account(team), "J1", null).failureOrNull());
        assertEquals("an HTML page instead of JSON (HTTP 200)", poll.description());
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, client.details(account(team), "J1").failureOrNull());
    }

    @Test
    void aPollThatTimesOutIsATimeoutAfterItsRetries() {
        String team = team();
        wiremock.stubFor(post(team + "/jobs/J1/poll").willReturn(aResponse().withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(ClaudioAnswers.bytes("poll-in-progress-older.json"))));
        var impatient = pollOnce(s -> quick(s).withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)).withAllTimeouts(Duration.ofMillis(300)),
                team);
        var timeout = assertInstanceOf(ClaudioFailure.Timeout.class, impatient.failureOrNull());
        assertEquals("poll job", timeout.operation());
        assertPolls(2, team);
    }

    @Test
    void aPollWhoseConnectionIsResetIsRetriedThenUnreachable() {
        String team = teamAnswering("/jobs/J1/poll", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertInstanceOf(ClaudioFailure.Unreachable.class, pollOnce(ClaudioWireMockContractTest::quick, team).failureOrNull());
        assertPolls(3, team);
    }

    @Test
    void aBaseUrlNobodyListensOnIsUnreachable() throws IOException {
        ClaudioAccount nowhere = new ClaudioAccount("http://localhost:" + closedPort() + "/team", KEY, SECRET);
        withClient(ClaudioWireMockContractTest::quick, retrying -> {
            var unreachable = assertInstanceOf(ClaudioFailure.Unreachable.class, retrying.poll(nowhere, "J1", null).failureOrNull());
            assertEquals("connection refused", unreachable.reason());
            assertTrue(unreachable.isTransient());
            assertInstanceOf(ClaudioFailure.Unreachable.class, retrying.details(nowhere, "J1").failureOrNull());
            assertInstanceOf(ClaudioFailure.Unreachable.class,
                    retrying.poll(new ClaudioAccount("http://no-such-host.invalid/team", KEY, SECRET), "J1", null).failureOrNull());
            assertInstanceOf(ClaudioFailure.Unreachable.class,
                    retrying.poll(new ClaudioAccount("not a url", KEY, SECRET), "J1", null).failureOrNull());
        });
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsUnreachableEvenForSubmit() {
        String team = team();
        ClaudioAccount selfSigned = new ClaudioAccount("https://localhost:" + wiremock.getHttpsPort() + team, KEY, SECRET);
        withClient(ClaudioWireMockContractTest::quick, retrying -> {
            var poll = assertInstanceOf(ClaudioFailure.Unreachable.class, retrying.poll(selfSigned, "J1", null).failureOrNull());
            assertEquals("TLS handshake failed", poll.reason());
            var submit = assertInstanceOf(ClaudioFailure.Unreachable.class, retrying.submit(selfSigned, request()).failureOrNull());
            assertEquals("TLS handshake failed", submit.reason());
        });
        wiremock.verify(0, anyRequestedFor(urlPathMatching(team + "/.*")));
    }

    @Test
    void redirectsAreNotFollowedSoTheCredentialsStayWithTheBaseUrl() {
        String team = teamAnswering("/jobs/J1/poll", aResponse().withStatus(302).withHeader("Location", "http://evil.example/"));
        var error = assertInstanceOf(ClaudioFailure.VendorError.class, client.poll(account(team), "J1", null).failureOrNull());
        assertEquals(302, error.status());
    }

    @Test
    void theReturnedPollEndpointIsUsedOnlyWhenConfiguredAndOnTheSameOrigin() {
        String team = team();
        wiremock.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        wiremock.stubFor(post(team + "/jobs/J1/poll").willReturn(answer(200, "poll-in-progress-newer.json")));
        wiremock.stubFor(post(team + "/v9/poll/J1").willReturn(answer(200, "poll-completed-newer.json")));
        withClient(s -> s.withPollEndpointSource(PollEndpointSource.RETURNED), returned -> {
            String origin = "http://localhost:" + wiremock.getPort();
            assertInstanceOf(JobStatus.Completed.class, returned.poll(account(team), "J1", origin + team + "/v9/poll/J1").value());
            assertInstanceOf(JobStatus.Completed.class, returned.poll(account(team), "J1", team + "/v9/poll/J1").value());
            assertInstanceOf(JobStatus.Completed.class, returned.poll(account(team), "J1", "/v9/poll/J1").value());
            assertInstanceOf(JobStatus.InProgress.class, returned.poll(account(team), "J1", "http://evil.example" + team + "/v9/poll/J1").value());
            assertInstanceOf(JobStatus.InProgress.class, returned.poll(account(team), "J1", null).value());
        });
        assertInstanceOf(JobStatus.InProgress.class, client.poll(account(team), "J1", team + "/v9/poll/J1").value(),
                "by default the documented template is used");
        wiremock.verify(3, postRequestedFor(urlEqualTo(team + "/v9/poll/J1")));
    }

    // ---- Get Job Details ------------------------------------------------------------------------------

    @Test
    void detailsPostsTheCredentialsAndReadsTheDocumentedAnswer() {
        String team = teamAnswering("/jobs/JOB%2012345/details", answer(200, "details-completed.json"));
        JobDetails details = client.details(account(team), "JOB 12345").value();
        assertEquals("Knee IME", details.jobName());
        assertEquals(2, details.inputFiles().size());
        assertEquals(2, details.transcripts().size());
        wiremock.verify(1, postRequestedFor(urlEqualTo(team + "/jobs/JOB%2012345/details")).withRequestBody(equalToJson(credentialsJson())));
    }

    @Test
    void detailsWithLooseTypesAndRelativeLinks() {
        String team = teamAnswering("/jobs/J2/details", answer(200, "details-loose-types.json"));
        JobDetails details = client.details(account(team), "J2").value();
        assertEquals(754.0, details.totalAudioLengthSeconds());
        assertEquals("http://localhost:" + wiremock.getPort() + team + "/files/out/1", details.transcripts().get(0).downloadUrl());
    }

    // ---- configuration of the undocumented parts --------------------------------------------------

    @Test
    void pathsMethodsAndFieldNamesOfTheUndocumentedCallsAreConfiguration() throws IOException {
        String team = team();
        wiremock.stubFor(put(team + "/v2/media").willReturn(answer(200, "upload-audio.json")));
        wiremock.stubFor(put(team + "/v2/docs").willReturn(answer(200, "upload-document-file_url.json")));
        wiremock.stubFor(put(team + "/v2/job").willReturn(answer(200, "submit-older.json")));
        wiremock.stubFor(put(team + "/jobs/J1/poll").willReturn(answer(200, "poll-in-progress-older.json")));
        wiremock.stubFor(put(team + "/jobs/J1/details").willReturn(answer(200, "details-completed.json")));
        Path file = Files.writeString(dir.resolve("b.wav"), "x");
        withClient(s -> s.withPaths("/v2/job", "/v2/media", "/v2/docs")
                .withMethods("PUT", "PUT", "PUT", "PUT", "PUT")
                .withMultipart("api_key", "api_secret", "audio", "document"), configured -> {
            assertTrue(configured.uploadAudio(account(team), file, "b.wav").isSuccess());
            assertTrue(configured.uploadDocument(account(team), file, "b.pdf").isSuccess());
            assertTrue(configured.submit(account(team), request()).isSuccess());
            assertTrue(configured.poll(account(team), "J1", null).isSuccess());
            assertTrue(configured.details(account(team), "J1").isSuccess());
        });
        wiremock.verify(1, putRequestedFor(urlEqualTo(team + "/v2/media"))
                .withRequestBodyPart(aMultipart().withName("api_key").withBody(equalTo(KEY)).build())
                .withRequestBodyPart(aMultipart().withName("api_secret").withBody(equalTo(SECRET)).build())
                .withRequestBodyPart(aMultipart().withName("audio").build()));
        wiremock.verify(1, putRequestedFor(urlEqualTo(team + "/v2/docs")).withRequestBodyPart(aMultipart().withName("document").build()));
        wiremock.verify(1, putRequestedFor(urlEqualTo(team + "/v2/job")));
    }

    // ---- circuit breaker ---------------------------------------------------------------------------------

    @Test
    void theBreakerOfAFailingBaseUrlOpensWithoutSlowingOtherTenantsAndClosesAfterRecovery() throws Exception {
        String failing = team();
        String healthy = team();
        wiremock.stubFor(post(urlPathMatching(failing + "/jobs/.*/poll")).willReturn(aResponse().withStatus(503)));
        wiremock.stubFor(post(healthy + "/jobs/J1/poll").willReturn(answer(200, "poll-in-progress-newer.json")));
        ClaudioClient breaking = customClient(s -> s.withRetry(0, Duration.ofMillis(1), Duration.ofMillis(1))
                .withBreaker(4, 1.0, Duration.ofMillis(800), 1));
        try {
            for (int i = 0; i < 4; i++) {
                assertInstanceOf(ClaudioFailure.VendorError.class, breaking.poll(account(failing), "J1", null).failureOrNull());
            }
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(ClaudioFailure.CircuitOpen.class, breaking.poll(account(failing), "J1", null).failureOrNull());
                assertInstanceOf(ClaudioFailure.CircuitOpen.class, breaking.submit(account(failing), request()).failureOrNull());
            }
            wiremock.verify(4, postRequestedFor(urlEqualTo(failing + "/jobs/J1/poll")));
            wiremock.verify(0, postRequestedFor(urlEqualTo(failing + "/jobs/submit")));
            assertInstanceOf(JobStatus.InProgress.class, breaking.poll(account(healthy), "J1", null).value());
            assertTrue(breaking.checkConnection(account(failing)).failureOrNull() instanceof ClaudioFailure.VendorError,
                    "the connection check is not held back by the breaker");

            wiremock.stubFor(post(failing + "/jobs/J1/poll").willReturn(answer(200, "poll-in-progress-newer.json")));
            Thread.sleep(900);
            assertInstanceOf(JobStatus.InProgress.class, breaking.poll(account(failing), "J1", null).value());
            assertInstanceOf(JobStatus.InProgress.class, breaking.poll(account(failing), "J1", null).value());
        } finally {
            breaking.close();
        }
    }

    @Test
    void refusedRequestsDoNotOpenTheBreaker() {
        String team = teamAnswering("/jobs/J1/poll", answer(401, "error-401.json"));
        withClient(s -> s.withBreaker(2, 0.5, Duration.ofSeconds(30), 1), breaking -> {
            for (int i = 0; i < 5; i++) {
                assertInstanceOf(ClaudioFailure.Unauthorized.class, breaking.poll(account(team), "J1", null).failureOrNull());
            }
        });
    }

    // ---- connection check -----------------------------------------------------------------------------

    @Test
    void theConnectionCheckPollsAMadeUpJobAndReadsTheAnswer() throws IOException {
        String ok = team();
        wiremock.stubFor(post(ok + "/jobs/portal-connection-check/poll").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"msg\":\"ERROR: Job not found.\"}")));
        ConnectionCheck check = client.checkConnection(account(ok)).value();
        assertTrue(check.detail().contains("accepted"));
        wiremock.verify(1, postRequestedFor(urlEqualTo(ok + "/jobs/portal-connection-check/poll")).withRequestBody(equalToJson(credentialsJson())));

        String html = team();
        wiremock.stubFor(post(html + "/jobs/portal-connection-check/poll").willReturn(recorded(200, "text/html", "error-page.html")));
        assertInstanceOf(ClaudioFailure.UnexpectedAnswer.class, client.checkConnection(account(html)).failureOrNull());

        String down = team();
        wiremock.stubFor(post(down + "/jobs/portal-connection-check/poll").willReturn(answer(500, "error-500.json")));
        assertInstanceOf(ClaudioFailure.VendorError.class, client.checkConnection(account(down)).failureOrNull());
        wiremock.verify(1, postRequestedFor(urlEqualTo(down + "/jobs/portal-connection-check/poll")));

        var nowhere = client.checkConnection(new ClaudioAccount("http://localhost:" + closedPort(), KEY, SECRET));
        assertInstanceOf(ClaudioFailure.Unreachable.class, nowhere.failureOrNull());
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static SubmitRequest request() {
        return new SubmitRequest("70L34P7896Q97U81", "12M78H7656325X96R99", false, "IME with Structura Doc Extraction", "Knee IME",
                List.of(new SubmitRequest.JobField("specialist_name", "Medical Specialist", "string", "string",
                        "Approved Medical Specialist name", "Dr. A. Example")),
                List.of(new SubmitRequest.AudioFile("dictation 1.wav", "https://up/1", "00:00:05", "00:10:00")),
                List.of(new SubmitRequest.Attachment("letter.pdf", "loi", "https://up/2")));
    }

    @Test
    void aBlankJobReferenceIsTheCallersMistakeAndNothingIsSent() {
        String team = team();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> client.poll(account(team), " ", null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> client.details(account(team), null));
        wiremock.verify(0, anyRequestedFor(urlPathMatching(team + "/.*")));
    }
}
