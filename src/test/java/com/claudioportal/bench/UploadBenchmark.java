package com.claudioportal.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioResult;
import com.claudioportal.claudio.UploadedFile;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.SandboxProcess;
import com.claudioportal.sandbox.SandboxOptions;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.StagedCopy;
import com.claudioportal.upload.UploadStorage;
import com.claudioportal.infra.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A 1 GiB recording through the portal's upload endpoint and on to the sandbox, next to curl
 * sending the same file straight to the sandbox, with the portal JVM's heap and RSS. Run with
 * {@code ./bench upload} (the {@code bench} Maven profile: {@code -Xmx256m}); see docs/benchmarks.md.
 *
 * <p>Phases, each on the same 1 GiB file, interleaved over {@code bench.runs} runs (default 3)
 * after a warm-up round with a 64 MiB file:
 * <ol>
 * <li><b>curl → sandbox</b>: the reference; curl posts the file (with the account's key and
 * secret) straight to the sandbox's {@code <base>/audio/upload}.</li>
 * <li><b>curl → portal</b>: curl posts the file to {@code POST /t/{tenant}/uploads?kind=AUDIO} as
 * the submit page does (the file as the request body, its name in {@code X-File-Name}, CSRF cookie
 * and header); the time ends when
 * the portal answers, i.e. after it stored and inspected the file and saved the upload row.</li>
 * <li><b>portal → sandbox</b>: the portal forwards the file it stored in phase 2 with
 * {@link ClaudioClient#uploadAudio}, exactly the call the job worker makes for each file of a job
 * (the worker itself is off: its scheduling would only add its polling delay).</li>
 * </ol>
 * The sandbox runs in a process of its own (as in the demo, with Claudio's per-file limit raised
 * like the portal's), so the memory figures are the portal's alone; curl runs as a separate process. Both curl phases send {@code Expect:} empty so curl
 * does not wait for a {@code 100 Continue}, which the Java client never asks for either.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
@SignedInAs(UploadBenchmark.STAFF)
class UploadBenchmark {

    static final String STAFF = "staff@bench.test";
    static final long GIB = 1L << 30;
    static final long WARM_UP = 64L << 20;
    static final long MB = MemorySampler.MB;
    static final double TARGET_SHARE = 0.70;
    static final long TARGET_HEAP_GROWTH = 64 * MB;

    enum Phase {
        CURL_TO_SANDBOX("curl -> sandbox"), CURL_TO_PORTAL("curl -> portal upload"), PORTAL_TO_SANDBOX("portal -> sandbox");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    record Measurement(Phase phase, int run, long bytes, double seconds, MemorySampler.Result memory) {
        double mbPerSecond() {
            return bytes / seconds / MB;
        }
    }

    @Inject
    Fixtures fixtures;

    static SandboxProcess sandboxProcess;
    static SandboxControl sandbox;

    @BeforeAll
    static void startSandbox() {
        sandboxProcess = SandboxProcess.startFromClassPath(SandboxOptions.forTests("bench-" + UUID.randomUUID())
                .withMaxAudioBytes(Long.parseLong(BenchmarkProfile.LIMIT)), List.of("-Xmx256m"), Path.of("target", "bench-sandbox.log"));
        sandbox = sandboxProcess.control();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandboxProcess != null) {
            sandboxProcess.close();
        }
    }

    @Inject
    ClaudioClient client;

    @Inject
    UploadStorage storage;

    @Inject
    TenantScope scope;

    @TestHTTPResource("/")
    URL base;

    final ObjectMapper json = new ObjectMapper();
    final Path dir = Path.of("target", "bench");

    String tenant;
    String slug;
    ClaudioAccount account;
    String csrfCookie;
    String csrfToken;

    @Test
    void aGibibyteThroughThePortalAndOnToTheSandbox() throws Exception {
        Files.createDirectories(dir);
        tenant = fixtures.tenant("Bench Clinic", Fixtures.email("admin"));
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "key-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        sandbox.ensureAccount(slug, key, secret);
        account = new ClaudioAccount(sandbox.baseUrl(slug), key, secret);
        Response page = given().get("/t/" + tenant);
        csrfCookie = page.getCookie("portal-csrf");
        csrfToken = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");

        Path big = recording(dir.resolve("bench-1GiB.wav"), GIB);
        Path warm = recording(dir.resolve("bench-warm-up.wav"), WARM_UP);
        String loadBefore = loadAverage();

        for (int i = 0; i < 2; i++) {
            round(warm, 0);
        }
        int runs = Integer.getInteger("bench.runs", 3);
        List<Measurement> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            all.addAll(round(big, run));
        }
        Measurement control = control();
        String report = "\nstaged-upload store: " + (storage.isLocal() ? "local directory"
                : "S3 (Adobe S3Mock in a process of its own, so not in the memory figures)") + report(all, control, runs, loadBefore, loadAverage());
        System.out.println(report);
        Files.writeString(dir.resolve(reportName()), report);
    }

    /** The report's file name; the S3 variant writes its own. */
    String reportName() {
        return storage.isLocal() ? "upload-benchmark.txt" : "upload-benchmark-s3.txt";
    }

    /** One of each phase on {@code file}; the file the portal stored is forwarded, then everything is deleted. */
    List<Measurement> round(Path file, int run) throws Exception {
        long size = Files.size(file);
        List<Measurement> m = new ArrayList<>();

        m.add(measure(Phase.CURL_TO_SANDBOX, run, size, () -> {
            Curl c = curl(List.of("-F", "key=" + account.apiKey(), "-F", "secret=" + account.apiSecret(),
                    "-F", "file=@" + file.toAbsolutePath() + ";type=audio/wav;filename=sandbox-direct.wav"),
                    account.baseUrl() + "/audio/upload");
            assertEquals(200, c.status(), () -> "sandbox refused curl's upload: " + c.body());
            assertTrue(c.body().contains("audio_url"), c.body());
            return c.seconds();
        }));
        deleteSandboxFiles();

        String[] uploadId = new String[1];
        m.add(measure(Phase.CURL_TO_PORTAL, run, size, () -> {
            // as the submit page sends it: the file as the body (-T streams it; POST, not curl's default PUT)
            Curl c = curl(List.of("-H", "X-CSRF-TOKEN: " + csrfToken, "-b", "portal-csrf=" + csrfCookie,
                    "-H", "Content-Type: application/octet-stream", "-H", "X-File-Name: Dictation%20(long).wav",
                    "-X", "POST", "-T", file.toAbsolutePath().toString()),
                    base + "t/" + tenant + "/uploads?kind=AUDIO");
            assertEquals(200, c.status(), () -> "the portal refused curl's upload: " + c.body());
            JsonNode answer = read(c.body());
            assertEquals(size, answer.path("size").asLong(), c.body());
            assertEquals("audio/vnd.wave", answer.path("contentType").asText(), c.body());
            uploadId[0] = answer.path("id").asText();
            return c.seconds();
        }));
        Upload stored = scope.call(tenant, () -> Upload.<Upload> findById(UUID.fromString(uploadId[0])));
        assertEquals(size, storage.size(stored.storedPath));

        m.add(measure(Phase.PORTAL_TO_SANDBOX, run, size, () -> {
            long started = System.nanoTime();
            // as the worker does it: with the S3 store the object is first streamed to a scratch copy
            ClaudioResult<UploadedFile> result;
            try (StagedCopy copy = storage.copyOut(stored.storedPath)) {
                result = client.uploadAudio(account, copy.path(), stored.originalFilename);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(result.isSuccess(), () -> "forwarding failed: " + result.failureOrNull());
            return seconds;
        }));
        var received = sandbox.uploads(slug);
        assertEquals(size, received.get(received.size() - 1).sizeBytes());
        deleteSandboxFiles();
        storage.delete(stored.storedPath);
        return m;
    }

    /**
     * Shows that the probe notices held memory: 40 MB in 1 MB arrays, held for half a second (not
     * more: after the job list benchmark the test JVM's own baseline is ~175 of the 256 MB).
     */
    Measurement control() throws InterruptedException {
        return measure(null, 0, 0, () -> {
            List<byte[]> held = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                held.add(new byte[1_000_000]);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return held.size() > 0 ? 0.5 : 0.0;
        });
    }

    Measurement measure(Phase phase, int run, long bytes, Supplier<Double> work) throws InterruptedException {
        MemorySampler sampler = MemorySampler.start();
        double seconds;
        try {
            seconds = work.get();
        } catch (RuntimeException | Error e) {
            sampler.stop();
            throw e;
        }
        return new Measurement(phase, run, bytes, seconds, sampler.stop());
    }

    record Curl(int status, double seconds, String body) {
    }

    /** Runs curl, which reports its own status code and total time (connect to last byte of the answer). */
    Curl curl(List<String> args, String url) {
        try {
            Path out = dir.resolve("curl-answer.txt");
            List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", out.toString(), "-w", "%{http_code} %{time_total}",
                    "-H", "Expect:"));
            command.addAll(args);
            command.add(url);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed;
            try (InputStream in = p.getInputStream()) {
                printed = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            int exit = p.waitFor();
            String[] parts = printed.split("\\s+");
            if (exit != 0 || parts.length < 2) {
                throw new IllegalStateException("curl failed (exit " + exit + "): " + printed);
            }
            String body = Files.exists(out) ? Files.readString(out) : "";
            return new Curl(Integer.parseInt(parts[parts.length - 2]), Double.parseDouble(parts[parts.length - 1]), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    void deleteSandboxFiles() {
        sandbox.deleteUploads(slug);
    }

    /**
     * A WAV file (44.1 kHz, 16-bit stereo) of exactly {@code size} bytes whose samples are
     * pseudo-random noise, so nothing on the way could shrink it; kept between runs. The portal
     * checks uploads by their content, hence a real WAV header. Read once so it is in the page
     * cache for every phase alike.
     */
    static Path recording(Path file, long size) throws IOException {
        if (!Files.exists(file) || Files.size(file) != size) {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long data = size - 44;
                ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
                header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (size - 8))
                        .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                        .putInt(16).putShort((short) 1).putShort((short) 2).putInt(44_100).putInt(44_100 * 4)
                        .putShort((short) 4).putShort((short) 16)
                        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data).flip();
                out.write(header);
                SplittableRandom random = new SplittableRandom(42);
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
                for (long left = data; left > 0;) {
                    chunk.clear();
                    while (chunk.remaining() >= 8) {
                        chunk.putLong(random.nextLong());
                    }
                    chunk.flip().limit((int) Math.min(chunk.limit(), left));
                    left -= chunk.remaining();
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            while (in.read(buffer) >= 0) {
                // into the page cache
            }
        }
        return file;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    static String report(List<Measurement> all, Measurement control, int runs, String loadBefore, String loadAfter) {
        StringBuilder s = new StringBuilder();
        s.append("\n=== Upload benchmark: 1 GiB (1,073,741,824 bytes) WAV of pseudo-random samples ===\n");
        s.append(MachineLine.of(loadBefore, loadAfter));
        s.append(String.format("median of %d runs (time, and share of the same run's curl -> sandbox time); MB = 10^6 bytes;%n"
                + "memory: of the portal JVM (portal + test harness; the sandbox runs in its own process), worst run%n%n", runs));
        s.append(String.format("%-22s %7s %6s %7s | %9s %9s %9s | %8s %8s | %s%n", "phase", "seconds", "MB/s", "of curl",
                "heap base", "heap peak", "held grow", "RSS base", "RSS peak", "verdict"));
        for (Phase phase : Phase.values()) {
            List<Measurement> ms = all.stream().filter(m -> m.phase() == phase).toList();
            double seconds = median(all, phase);
            double share = medianShare(all, phase);
            long heapBase = ms.stream().mapToLong(m -> m.memory().heapBaseline()).max().orElse(0);
            long heapPeak = ms.stream().mapToLong(m -> m.memory().heapPeak()).max().orElse(0);
            long held = ms.stream().mapToLong(m -> m.memory().heldGrowth()).max().orElse(0);
            long rssBase = ms.stream().mapToLong(m -> m.memory().rssBaseline()).max().orElse(0);
            long rssPeak = ms.stream().mapToLong(m -> m.memory().rssPeak()).max().orElse(0);
            String speed = phase == Phase.CURL_TO_SANDBOX ? "reference" : share >= TARGET_SHARE ? "speed met" : "speed MISSED";
            String heap = held < TARGET_HEAP_GROWTH ? "heap met" : "heap MISSED";
            s.append(String.format("%-22s %7.2f %6.0f %6.0f%% | %9d %9d %9d | %8d %8d | %s, %s%n", phase.label, seconds,
                    GIB / seconds / MB, share * 100, heapBase / MB, heapPeak / MB, held / MB, rssBase / MB, rssPeak / MB, speed, heap));
        }
        MemorySampler.Result c = control.memory();
        s.append(String.format("%-22s %7s %6s %7s | %9d %9d %9d | %8d %8d | the probe sees memory that is held%n",
                "control: holds 40 MB", "", "", "", c.heapBaseline() / MB, c.heapPeak() / MB, c.heldGrowth() / MB,
                c.rssBaseline() / MB, c.rssPeak() / MB));
        s.append(String.format("%ntargets: each portal phase >= %.0f %% of curl -> sandbox; held heap growth < %d MB%n",
                TARGET_SHARE * 100, TARGET_HEAP_GROWTH / MB));
        s.append("heap base = heap in use after a full GC before the phase; heap peak = highest heap use sampled every 20 ms\n"
                + "  (includes garbage: it rises until G1's young generation is full, whatever the phase holds);\n"
                + "held grow = max(old generation peak, heap in use after any GC during the phase) - base\n");
        s.append("\nevery run:\n");
        for (Measurement m : all) {
            MemorySampler.Result r = m.memory();
            double share = all.stream().filter(x -> x.run() == m.run() && x.phase() == Phase.CURL_TO_SANDBOX).findFirst()
                    .orElseThrow().seconds() / m.seconds();
            s.append(String.format("  run %d %-22s %6.2f s %5.0f MB/s %4.0f%% | heap %3d -> peak %3d MB, old gen %+3d MB, after GC %+3d MB, %3d GCs | RSS %3d -> %3d MB%n",
                    m.run(), m.phase().label, m.seconds(), m.mbPerSecond(), share * 100, r.heapBaseline() / MB, r.heapPeak() / MB,
                    r.oldGenGrowth() / MB, r.liveGrowth() / MB, r.gcs(), r.rssBaseline() / MB, r.rssPeak() / MB));
        }
        return s.toString();
    }

    /** Median over the runs of (curl -> sandbox seconds / this phase's seconds), each run against itself. */
    static double medianShare(List<Measurement> all, Phase phase) {
        double[] v = all.stream().filter(m -> m.phase() == phase).mapToDouble(m -> all.stream()
                .filter(r -> r.run() == m.run() && r.phase() == Phase.CURL_TO_SANDBOX).findFirst().orElseThrow().seconds() / m.seconds())
                .sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double median(List<Measurement> all, Phase phase) {
        double[] v = all.stream().filter(m -> m.phase() == phase).mapToDouble(Measurement::seconds).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
