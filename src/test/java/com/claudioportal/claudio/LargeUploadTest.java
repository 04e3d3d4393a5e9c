package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.SandboxTestKit;
import com.claudioportal.infra.TestSandbox;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Uploads stream from disk: a 120 MB file goes to the sandbox (which runs in this JVM too) without
 * the heap growing by anything like the file's size, and a file over the limit is refused before
 * a byte is read or sent.
 */
@QuarkusTest
class LargeUploadTest {

    private static final Logger LOG = Logger.getLogger(LargeUploadTest.class);
    private static final long MB = 1_000_000L;

    @Inject
    ClaudioClient client;

    final SandboxControl sandbox = TestSandbox.control();

    @TempDir
    Path dir;

    @Test
    void a120MegabyteUploadStreamsFromDiskAndKeepsItsOriginalName() throws Exception {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        assertTrue(client.uploadAudio(account, SandboxTestKit.wav(dir, "warm-up.wav", 0.1), "warm-up.wav").isSuccess());
        Path file = sparse(dir.resolve("upload-7f3a9.tmp"), 120 * MB);

        Measured upload = measuredUpload(account, file, "Long dictation (final).wav");
        ClaudioResult<UploadedFile> result = upload.result();
        long millis = upload.millis();
        HeapProbe.Result heap = upload.heap();

        assertTrue(result.isSuccess(), () -> "upload failed: " + result.failureOrNull());
        SandboxControl.Upload received = sandbox.uploads(slug).stream().filter(u -> u.sizeBytes() == 120 * MB).findFirst().orElseThrow();
        assertEquals("Long dictation (final).wav", received.filename());
        assertTrue(result.value().url().endsWith("/Long%20dictation%20%28final%29.wav"), result.value().url());
        LOG.infof("120 MB upload: %d ms (%.0f MB/s); heap retained %+d MB, old generation peak %+d MB, sampled peak %+d MB",
                millis, 120_000.0 / Math.max(1, millis), heap.retainedGrowth() / MB, heap.oldGenPeakGrowth() / MB,
                heap.sampledPeakGrowth() / MB);
        assertTrue(heap.retainedGrowth() < 64 * MB, "heap retained " + heap.retainedGrowth() / MB + " MB");
        assertTrue(heap.oldGenPeakGrowth() < 64 * MB, "old generation peak grew " + heap.oldGenPeakGrowth() / MB + " MB");
        // its speed is ./bench upload's business (docs/benchmarks.md), not a unit test's
        sandbox.deleteUploads(slug);
    }

    @Test
    void a300MegabyteFileIsRefusedBeforeAnythingIsSent() throws Exception {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        Path file = sparse(dir.resolve("upload-big.tmp"), 300 * MB);

        Measured upload = measuredUpload(account, file, "too long.wav");

        var tooLarge = assertInstanceOf(ClaudioFailure.TooLarge.class, upload.result().failureOrNull());
        assertEquals(300 * MB, tooLarge.size());
        assertEquals(250 * MB, tooLarge.limit());
        assertEquals(0, sandbox.uploads(slug).size());
        assertEquals(0, sandbox.counters(slug).requests().values().stream().mapToLong(Long::longValue).sum(),
                "refused before anything is sent: no request reached Claudio (" + upload.millis() + " ms)");
        assertTrue(upload.heap().oldGenPeakGrowth() < 64 * MB);
    }

    /** What an upload answered, how long it took and what it did to the heap. */
    record Measured(ClaudioResult<UploadedFile> result, long millis, HeapProbe.Result heap) {
    }

    private Measured measuredUpload(ClaudioAccount account, Path file, String name) throws InterruptedException {
        HeapProbe probe = HeapProbe.start();
        long started = System.nanoTime();
        ClaudioResult<UploadedFile> result = client.uploadAudio(account, file, name);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Measured(result, millis, probe.stop());
    }

    private static Path sparse(Path path, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(size);
        }
        return path;
    }
}
