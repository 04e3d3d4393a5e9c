package com.claudioportal.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioResult;
import com.claudioportal.claudio.JobStatus;
import com.claudioportal.sandbox.TestTone;

/** Sandbox accounts (in the run's {@link TestSandbox}), media and downloads for tests of the client. */
public final class SandboxTestKit {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SandboxTestKit() {
    }

    public static String slug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A fresh account with a 300 ms processing time, as the client sees it. */
    public static ClaudioAccount account(SandboxControl sandbox, String slug) {
        String key = "key-" + slug + "-4fa9c1";
        String secret = "secret-" + slug + "-b7e2d05c91";
        SandboxControl.Account account = sandbox.ensureAccount(slug, key, secret);
        sandbox.setProcessingTime(slug, Duration.ofMillis(300));
        return new ClaudioAccount(account.baseUrl(), key, secret);
    }

    /** {@link TestTone#wav}, written to {@code dir/name}. */
    public static Path wav(Path dir, String name, double seconds) throws IOException {
        return Files.write(dir.resolve(name), TestTone.wav(seconds));
    }

    public static Path text(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A plain GET of a download link, without credentials, as a browser would fetch it. */
    public static HttpResponse<byte[]> download(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls (as the portal would, only faster) until the job is completed; at most 15 s. */
    public static JobStatus.Completed awaitCompleted(ClaudioClient client, ClaudioAccount account, String reference) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            ClaudioResult<JobStatus> status = client.poll(account, reference, null);
            if (status.value() instanceof JobStatus.Completed completed) {
                return completed;
            }
            sleep(100);
        }
        throw new AssertionError("Job " + reference + " did not complete in time");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
