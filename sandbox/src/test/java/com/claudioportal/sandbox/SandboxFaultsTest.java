package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Faults set through the control API, per account and call: delays (fixed or random) that hold no
 * thread, never answering, fixed answers, dropped connections before and after the call was
 * carried out, a delay after storing, trickled answers, how often and how many times they strike;
 * and the counters that tell a test what reached Claudio.
 */
class SandboxFaultsTest {

    /** One sandbox for the class, closed after its last test. */
    @AutoClose
    static final SandboxHttp sandbox = new SandboxHttp();

    @Test
    void delayedAnswersAreTimersNotThreadsSoThousandsWaitAtOnce() {
        SandboxHttp.Account account = sandbox.account();
        String reference = sandbox.submit(account, SandboxHttp.submitBody(account, "Slow polls",
                sandbox.uploadAudio(account, "a.wav", TestTone.wav(1)), "00:00:00", "00:00:00", null, null, false));
        sandbox.patch(account, "{\"faults\":{\"POLL\":{\"delayMinMillis\":1000,\"delayMaxMillis\":2000}}}");
        HttpClient many = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int calls = 1000;
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            answers.add(many.sendAsync(HttpRequest.newBuilder(URI.create(account.baseUrl() + "/jobs/" + reference + "/poll"))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("{" + account.credentials() + "}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        answers.forEach(a -> assertEquals(200, a.join().statusCode()));
        double seconds = (System.nanoTime() - started) / 1e9;
        // a thread per waiting call (the worker pool has 20) would need 1000 x 1.5 s / 20 = 75 s
        assertTrue(seconds < 40, "1000 polls delayed 1-2 s each took " + seconds + " s");
        JsonNode job = sandbox.job(reference);
        assertEquals(calls, job.path("polls").asInt());
        assertEquals(calls, sandbox.counters(account).path("requests").path("POLL").asInt());
    }

    @Test
    void neverAnsweringHoldsTheCallOpen() {
        SandboxHttp.Account account = sandbox.account();
        sandbox.patch(account, "{\"faults\":{\"DETAILS\":{\"neverAnswer\":true}}}");
        HttpRequest details = HttpRequest.newBuilder(URI.create(account.baseUrl() + "/jobs/X/details")).timeout(Duration.ofMillis(1500))
                .POST(HttpRequest.BodyPublishers.ofString("{" + account.credentials() + "}")).build();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> sandbox.send(details));
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertEquals(400, sandbox.post(account.baseUrl() + "/jobs/X/poll", "{" + account.credentials() + "}").status(), "other calls answer");
    }

    @Test
    void aFixedAnswerReplacesTheCallAndChangesNothing() {
        SandboxHttp.Account account = sandbox.account();
        sandbox.patch(account, "{\"faults\":{\"UPLOAD_AUDIO\":{\"status\":502,\"body\":\"<html>Bad gateway</html>\",\"contentType\":\"text/html\"},"
                + "\"UPLOAD_DOCUMENT\":{\"status\":500}}}");
        SandboxHttp.Answer gateway = sandbox.upload(account, "/audio/upload", "a.wav", TestTone.wav(1), "audio/wav");
        assertEquals(502, gateway.status());
        assertEquals("text/html", gateway.header("Content-Type"));
        assertEquals("<html>Bad gateway</html>", gateway.text());
        SandboxHttp.Answer error = sandbox.upload(account, "/documents/upload", "d.txt", new byte[] { 'x' }, "text/plain");
        assertEquals(500, error.status());
        assertEquals("ERROR: Internal Server Error (simulated by the Claudio sandbox). ", error.json().path("msg").asText());
        assertEquals(0, sandbox.counters(account).path("uploads").asInt());
        assertEquals(1, sandbox.counters(account).path("requests").path("UPLOAD_AUDIO").asInt());
        SandboxHttp.Answer wrongKey = sandbox.post(account.baseUrl() + "/jobs/X/poll", "{\"key\":\"no\",\"secret\":\"no\"}");
        assertEquals(401, wrongKey.status(), "credentials are checked first");
    }

    @Test
    void aDropBeforeStoresNothingADropAfterStoresAndLosesTheAnswer() {
        SandboxHttp.Account account = sandbox.account();
        String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
        sandbox.patch(account, "{\"faults\":{\"SUBMIT\":{\"drop\":\"BEFORE\",\"times\":1}}}");
        String body = SandboxHttp.submitBody(account, "Dropped", audio, "00:00:00", "00:00:00", null, null, false);
        assertThrows(UncheckedIOException.class, () -> sandbox.post(account.baseUrl() + "/jobs/submit", body));
        assertEquals(0, sandbox.counters(account).path("jobs").asInt());
        assertEquals(0, sandbox.patch(account, "{}").path("faults").size(), "a fault with times ends after them");

        sandbox.patch(account, "{\"faults\":{\"SUBMIT\":{\"drop\":\"AFTER\"}}}");
        assertThrows(UncheckedIOException.class, () -> sandbox.post(account.baseUrl() + "/jobs/submit", body));
        JsonNode counters = sandbox.counters(account);
        assertEquals(1, counters.path("jobs").asInt());
        assertEquals("[\"Dropped\"]", counters.path("submittedJobNames").toString());

        sandbox.patch(account, "{\"faults\":{\"UPLOAD_AUDIO\":{\"drop\":\"AFTER\"}}}");
        assertThrows(UncheckedIOException.class, () -> sandbox.upload(account, "/audio/upload", "lost answer.wav", TestTone.wav(1), "audio/wav"));
        assertEquals("[\"a.wav\",\"lost answer.wav\"]", sandbox.counters(account).path("uploadedFilenames").toString());
    }

    @Test
    void aDelayAfterStoringLeavesTheJobAtClaudioWhileTheAnswerIsStillOnItsWay() throws Exception {
        SandboxHttp.Account account = sandbox.account();
        String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
        sandbox.patch(account, "{\"faults\":{\"SUBMIT\":{\"delayAfterStoreMillis\":3000}}}");
        CompletableFuture<SandboxHttp.Answer> answer = CompletableFuture.supplyAsync(() -> sandbox.post(account.baseUrl() + "/jobs/submit",
                SandboxHttp.submitBody(account, "Stored first", audio, "00:00:00", "00:00:00", null, null, false)));
        long deadline = System.nanoTime() + 2_500_000_000L;
        while (sandbox.counters(account).path("jobs").asInt() == 0 && System.nanoTime() < deadline) {
            SandboxHttp.sleep(50);
        }
        assertEquals(1, sandbox.counters(account).path("jobs").asInt(), "stored before the answer");
        assertTrue(!answer.isDone(), "the answer is still held back");
        assertEquals(200, answer.get().status());
    }

    @Test
    void aTrickledAnswerArrivesAFewBytesAtATime() throws Exception {
        SandboxHttp.Account account = sandbox.account();
        sandbox.patch(account, "{\"faults\":{\"POLL\":{\"trickleBytes\":20,\"trickleIntervalMillis\":100}}}");
        HttpResponse<InputStream> response = sandbox.http.send(HttpRequest.newBuilder(URI.create(account.baseUrl() + "/jobs/NOSUCHJOB/poll"))
                .POST(HttpRequest.BodyPublishers.ofString("{" + account.credentials() + "}")).build(), HttpResponse.BodyHandlers.ofInputStream());
        int total = Integer.parseInt(response.headers().firstValue("Content-Length").orElseThrow());
        int reads = 0;
        byte[] buffer = new byte[4096];
        int got = 0;
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0;) {
                got += n;
                reads++;
            }
        }
        assertEquals(total, got);
        assertTrue(total > 60 && reads >= total / 20, total + " bytes came in " + reads + " reads");
    }

    @Test
    void probabilityZeroNeverStrikesAndAllCoversCallsWithoutTheirOwn() {
        SandboxHttp.Account account = sandbox.account();
        sandbox.patch(account, "{\"faults\":{\"ALL\":{\"status\":503},\"POLL\":{\"status\":500,\"probability\":0}}}");
        assertEquals(400, sandbox.post(account.baseUrl() + "/jobs/X/poll", "{" + account.credentials() + "}").status(),
                "its own fault (never) wins over ALL");
        assertEquals(503, sandbox.post(account.baseUrl() + "/jobs/X/details", "{" + account.credentials() + "}").status());
        sandbox.patch(account, "{\"faults\":{\"ALL\":null}}");
        assertEquals(400, sandbox.post(account.baseUrl() + "/jobs/X/details", "{" + account.credentials() + "}").status());
    }

    @Test
    void aRevokedKeyIsRefusedUntilANewOneIsIssued() {
        SandboxHttp.Account account = sandbox.account();
        sandbox.patch(account, "{\"keyRevoked\":true}");
        assertEquals(401, sandbox.post(account.baseUrl() + "/jobs/X/poll", "{" + account.credentials() + "}").status());
        String key = sandbox.control("POST", "/control/accounts/" + account.slug() + "/rotate-key", null, 200).path("apiKey").asText();
        assertEquals(401, sandbox.post(account.baseUrl() + "/jobs/X/poll", "{" + account.credentials() + "}").status(), "the old key stays refused");
        assertEquals(400, sandbox.post(account.baseUrl() + "/jobs/X/poll", "{\"key\":\"" + key + "\",\"secret\":\"" + account.secret() + "\"}")
                .status());
    }

    @Test
    void bulkJobsCompleteAndCanBeCompletedNow() {
        SandboxHttp.Account account = sandbox.account();
        JsonNode made = sandbox.control("POST", "/control/accounts/" + account.slug() + "/jobs",
                "{\"count\":2000,\"processingMillis\":50,\"processingMillisMax\":300,\"jobs\":[{\"jobReferenceId\":\"BENCH-1\",\"processingMillis\":3600000,"
                        + "\"jobName\":\"Long one\",\"raw\":true}]}", 200);
        assertEquals(2001, made.path("created").asInt());
        assertEquals("BENCH-1", made.path("jobReferenceIds").get(0).asText());
        String some = made.path("jobReferenceIds").get(1234).asText();
        JsonNode done = sandbox.awaitCompleted(account, some);
        SandboxHttp.Answer transcript = sandbox.get(done.path("transcript_url").get(0).asText());
        assertEquals(200, transcript.status());
        assertTrue(transcript.text().contains("Job reference: " + some), transcript.text());
        assertTrue(sandbox.poll(account, "BENCH-1").path("msg").asText().startsWith("NOTICE"));
        JsonNode completed = sandbox.control("POST", "/control/jobs/BENCH-1/complete", null, 200);
        assertEquals("COMPLETED", completed.path("status").asText());
        JsonNode raw = sandbox.poll(account, "BENCH-1");
        assertTrue(raw.path("finished_transcript").get(0).asText().contains("Job: Long one"));
        assertEquals(1, sandbox.control("GET", "/control/accounts/" + account.slug() + "/jobs?jobName=Long%20one", null, 200).path("jobs").size());
        sandbox.control("POST", "/control/accounts/" + account.slug() + "/jobs", "{\"jobs\":[{\"jobReferenceId\":\"BENCH-1\"}]}", 400);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode jobs = sandbox.control("GET", "/control/accounts/" + account.slug() + "/jobs", null, 200).path("jobs");
            int completedCount = 0;
            for (JsonNode j : jobs) {
                completedCount += j.path("status").asText().equals("COMPLETED") ? 1 : 0;
            }
            if (completedCount == 2001) {
                return;
            }
            SandboxHttp.sleep(200);
        }
        throw new AssertionError("not every bulk job completed");
    }

    @Test
    void resetForgetsEverything() throws IOException {
        try (SandboxHttp own = new SandboxHttp()) {
            SandboxHttp.Account account = own.account();
            own.uploadAudio(account, "a.wav", TestTone.wav(1));
            own.control("POST", "/control/reset", null, 204);
            own.control("GET", "/control/accounts/" + account.slug(), null, 404);
            assertEquals(0, own.control("GET", "/control/accounts", null, 200).path("accounts").size());
        }
    }
}
