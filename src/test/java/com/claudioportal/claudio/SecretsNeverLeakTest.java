package com.claudioportal.claudio;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.SandboxTestKit;
import com.claudioportal.infra.TestSandbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Keys and secrets never reach a log record (at any level down to DEBUG, from any logger), a
 * failure's text or the metrics, whatever happens to a call; nor does a webhook URL's secret path.
 */
@QuarkusTest
class SecretsNeverLeakTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;


    @Inject
    ClaudioClient client;

    final SandboxControl sandbox = TestSandbox.control();

    @Inject
    MeterRegistry meters;

    @Inject
    Vertx vertx;

    @TempDir
    Path dir;

    @Test
    void noKeyOrSecretInLogsFailuresOrMetrics() throws Exception {
        String slug = SandboxTestKit.slug();
        String key = "leakkey" + UUID.randomUUID().toString().replace("-", "");
        String secret = "leaksecret" + UUID.randomUUID().toString().replace("-", "");
        String wrongSecret = "leakwrong" + UUID.randomUUID().toString().replace("-", "");
        String hookToken = "leakhook" + UUID.randomUUID().toString().replace("-", "");
        String baseUrl = sandbox.ensureAccount(slug, key, secret).baseUrl();
        sandbox.setProcessingTime(slug, Duration.ofMillis(200));
        sandbox.setWebhookUrl(slug, "http://localhost:" + ClaudioWireMockContractTest.closedPort() + "/hooks/" + hookToken);
        ClaudioAccount account = new ClaudioAccount(baseUrl, key, secret);
        ClaudioAccount wrong = new ClaudioAccount(baseUrl, key, wrongSecret);
        ClaudioAccount nowhere = new ClaudioAccount("http://localhost:" + ClaudioWireMockContractTest.closedPort() + "/x", key, secret);
        ClaudioClient quick = new ClaudioClient(vertx, TestClaudioConfig.defaults()
                .withRetry(1, Duration.ofMillis(5), Duration.ofMillis(5))
                .withAllTimeouts(Duration.ofMillis(300)).build(), meters);

        Capture capture = new Capture();
        Map<String, Level> previous = new HashMap<>();
        // DEBUG for the portal's code and the HTTP stack it drives; the root logger keeps its level, since
        // e.g. Hibernate's DEBUG entity dumps are a diagnostic an operator turns on deliberately
        for (String category : List.of("com.claudioportal", "io.vertx", "io.netty", "io.quarkus.vertx", "io.quarkus.scheduler",
                "io.smallrye.faulttolerance")) {
            Logger logger = Logger.getLogger(category);
            previous.put(category, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        Logger.getLogger("").addHandler(capture);
        List<ClaudioResult<?>> results = new ArrayList<>();
        try {
            Path wav = SandboxTestKit.wav(dir, "s.wav", 0.5);
            results.add(client.checkConnection(account));
            UploadedFile audio = client.uploadAudio(account, wav, "s.wav").value();
            results.add(client.uploadDocument(account, SandboxTestKit.text(dir, "s.txt", "Key: value"), "s.txt"));
            SubmittedJob job = client.submit(account, ClaudioSandboxContractTest.request(audio, null, true)).value();
            SandboxTestKit.awaitCompleted(client, account, job.jobReferenceId());
            results.add(client.details(account, job.jobReferenceId()));

            results.add(client.checkConnection(wrong));
            results.add(client.uploadAudio(wrong, wav, "s.wav"));
            results.add(client.submit(wrong, ClaudioSandboxContractTest.request(audio, null, false)));
            results.add(client.poll(wrong, job.jobReferenceId(), null));
            results.add(quick.poll(nowhere, "J", null));
            results.add(quick.submit(nowhere, ClaudioSandboxContractTest.request(audio, null, false)));
            Path big = dir.resolve("big.wav");
            try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
                f.setLength(260_000_000L);
            }
            results.add(client.uploadAudio(account, big, "big.wav"));
            for (String call : List.of("UPLOAD_AUDIO", "UPLOAD_DOCUMENT", "SUBMIT", "POLL", "DETAILS")) {
                sandbox.setErrorRate(slug, call, 1.0);
            }
            results.add(quick.poll(account, job.jobReferenceId(), null));
            results.add(quick.submit(account, ClaudioSandboxContractTest.request(audio, null, false)));
            results.add(quick.uploadAudio(account, wav, "s.wav"));
            sandbox.clearFaults(slug);
            sandbox.setDropSubmitResponse(slug, true);
            results.add(quick.submit(account, ClaudioSandboxContractTest.request(audio, null, false)));
            sandbox.setDropSubmitResponse(slug, false);
            sandbox.setLatency(slug, Duration.ofMillis(600));
            results.add(quick.poll(account, job.jobReferenceId(), null));
            results.add(quick.details(account, job.jobReferenceId()));
            sandbox.setLatency(slug, Duration.ZERO);

            SandboxControl.Job notified = awaitWebhookAttempt(job.jobReferenceId());
            assertTrue(notified.webhookResult().startsWith("failed"), notified.webhookResult());
        } finally {
            Logger.getLogger("").removeHandler(capture);
            previous.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
            quick.close();
        }

        List<String> failureTypes = results.stream().map(ClaudioResult::failureOrNull).filter(f -> f != null)
                .map(f -> f.getClass().getSimpleName()).distinct().sorted().toList();
        assertTrue(failureTypes.containsAll(List.of("OutcomeUnknown", "Timeout", "TooLarge", "Unauthorized", "Unreachable", "VendorError")),
                failureTypes.toString());
        for (ClaudioResult<?> result : results) {
            String shown = String.valueOf(result) + (result.failureOrNull() == null ? "" : result.failureOrNull().userMessage());
            for (String s : List.of(key, secret, wrongSecret)) {
                assertFalse(shown.contains(s), "a result shows a credential: " + shown);
            }
        }
        String logs = String.join("\n", capture.lines);
        assertTrue(capture.lines.size() > 5 && logs.contains("Claudio") && logs.contains("webhook"),
                "the capture saw the client's and the sandbox's records");
        for (String s : List.of(key, secret, wrongSecret, hookToken)) {
            assertFalse(logs.contains(s), () -> "a log record contains a secret: "
                    + capture.lines.stream().filter(l -> l.contains(s)).findFirst().orElse("").replace(s, "<SECRET>"));
        }
        assertFalse(account.toString().contains(key) || account.toString().contains(secret));

        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("claudio_client_calls_total"));
        for (String s : List.of(key, secret, wrongSecret, hookToken)) {
            assertFalse(metrics.contains(s), "the metrics contain a secret");
        }
    }

    private SandboxControl.Job awaitWebhookAttempt(String reference) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            SandboxControl.Job job = sandbox.job(reference).orElseThrow();
            if (job.webhookResult() != null) {
                return job;
            }
            SandboxTestKit.sleep(100);
        }
        throw new AssertionError("no webhook attempt for " + reference);
    }

    /** Every record, formatted, with its parameters and stack trace. */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
            line.append(record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getParameters() != null) {
                line.append(" ").append(Arrays.toString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append("\n").append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
