package com.claudioportal.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Uploads under abuse: a person's parallel uploads are capped, a tenant's waiting files have a
 * quota (shown on the form), a trickling upload is stopped and leaves nothing, and the clean-up
 * removes files no row names without ever taking one a job has just been given.
 * (The test profile: quota 200 MB, at least 16 KB/s over 3 s, 4 uploads at once.)
 */
@QuarkusTest
@SignedInAs(UploadAbuseTest.STAFF)
class UploadAbuseTest extends TenantTestBase {

    static final String STAFF = "staff@upload-abuse.test";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UploadStorage storage;

    @Inject
    UploadConfig config;

    @Inject
    UploadCleanup cleanup;

    String tenant;

    @BeforeEach
    void tenant() {
        tenant = fixtures.tenantWithMember("Abuse Clinic", STAFF, TenantRole.STAFF);
    }

    @Test
    void theTenantsQuotaOfWaitingFilesIsShownAndEnforcedInWords() {
        long profile = fixtures.seedProfile(tenant);
        given().get("/t/" + tenant + "/jobs/new?profile=" + profile).then().statusCode(200)
                .body(containsString("Files of your clinic waiting to go to Claudio: 0 bytes of 200 MB."));
        waitingUpload(150_000_000L);
        waitingUpload(49_990_000L);
        given().get("/t/" + tenant + "/jobs/new?profile=" + profile).then().statusCode(200).body(containsString("200 MB of 200 MB"));

        long rowsBefore = uploadRows();
        Path wav = TestFiles.wav("over-quota.wav", 1);
        Response refused = upload(wav, "over-quota.wav");
        assertEquals(507, refused.statusCode(), refused.asString());
        assertEquals("\u201cover-quota.wav\u201d (" + Sizes.human(size(wav)) + ") does not fit: files waiting to go to Claudio may take 200 MB for your clinic and "
                + "take 200 MB now. Submit or remove uploads that wait, or ask your tenant admin.", refused.path("error"));
        assertEquals(rowsBefore, uploadRows());
        assertEquals(List.of(), incomingFiles(), "nothing half-written is left");
    }

    @Test
    void aTricklingUploadIsStoppedAndLeavesNothing() throws Exception {
        long rowsBefore = uploadRows();
        try (Trickle trickle = new Trickle(1_000_000)) {
            trickle.send(10);
            Instant started = Instant.now();
            assertTrue(trickle.closedWithin(Duration.ofSeconds(20)), "the portal stops an upload that arrives at 10 bytes a second");
            assertTrue(Duration.between(started, Instant.now()).toSeconds() >= 2, "not before the rate window has passed");
        }
        awaitNoIncomingFiles();
        assertEquals(rowsBefore, uploadRows());
        // a normal upload right after it is unaffected
        upload(TestFiles.wav("after-trickle.wav", 1), "after-trickle.wav").then().statusCode(200);
    }

    @Test
    void aPersonsParallelUploadsAreCappedAndThePlacesComeBack() throws Exception {
        List<Trickle> open = new ArrayList<>();
        try {
            for (int i = 0; i < config.maxConcurrentPerUser(); i++) {
                Trickle t = new Trickle(1_000_000);
                t.send(100_000);
                open.add(t);
            }
            Thread.sleep(500);
            Response fifth = upload(TestFiles.wav("fifth.wav", 1), "fifth.wav");
            assertEquals(429, fifth.statusCode(), fifth.asString());
            assertEquals("\u201cfifth.wav\u201d did not start: you are already uploading 4 files. Add it again when one of them has finished.",
                    fifth.path("error"));
        } finally {
            open.forEach(Trickle::close);
        }
        // the stalled uploads are stopped by the rate check; their places are free again
        for (Trickle t : open) {
            assertTrue(t.closedWithin(Duration.ofSeconds(20)));
        }
        awaitNoIncomingFiles();
        upload(TestFiles.wav("later.wav", 1), "later.wav").then().statusCode(200);
    }

    @Test
    void theSweepRemovesFilesNoRowNamesAndHalfWrittenOnesButNotRecentOrNamedOnes() throws IOException {
        Instant old = Instant.now().minus(Duration.ofHours(7));
        Path orphan = file(tenant + "/" + UUID.randomUUID(), old);
        Path halfWritten = file(UploadStorage.INCOMING + "/" + UUID.randomUUID(), old);
        Path recent = file(tenant + "/" + UUID.randomUUID(), Instant.now());
        UUID named = fixtures.upload(tenant);
        Path namedFile = storage.resolve(scope.call(tenant, () -> Upload.<Upload> findById(named).storedPath));
        Files.setLastModifiedTime(namedFile, FileTime.from(old));

        cleanup.sweepOrphans(Instant.now().minus(config.orphanAfter()));

        assertFalse(Files.exists(orphan), "a file no row names");
        assertFalse(Files.exists(halfWritten), "an incoming file nobody finished");
        assertTrue(Files.exists(recent), "a file whose row may not be committed yet");
        assertTrue(Files.exists(namedFile), "a file its upload row names");
    }

    @Test
    void theCleanUpNeverDeletesAnUploadAJobIsTakingAndDeletesFilesOnlyAfterCommit() throws Exception {
        // two days old, so that the real cut-off applies and no other test's uploads are touched
        UUID taken = daysOld(fixtures.upload(tenant), 2);
        UUID abandoned = daysOld(fixtures.upload(tenant), 2);
        Path takenFile = storage.resolve(scope.call(tenant, () -> Upload.<Upload> findById(taken).storedPath));
        Path abandonedFile = storage.resolve(scope.call(tenant, () -> Upload.<Upload> findById(abandoned).storedPath));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a job submission holds its upload's row (JobSubmission locks it) while the clean-up runs
        Thread submission = new Thread(() -> scope.run(tenant, () -> {
            Upload.<Upload> findById(taken, LockModeType.PESSIMISTIC_WRITE);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        submission.start();
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        try {
            int deleted = cleanup.deleteAbandoned(Instant.now().minus(config.abandonedAfter()));
            assertTrue(deleted >= 1, "the unlocked abandoned upload goes");
        } finally {
            release.countDown();
            submission.join(30_000);
        }
        assertTrue(Files.exists(takenFile), "the upload the job holds keeps its file");
        assertTrue(scope.call(tenant, () -> Upload.findById(taken) != null), "and its row");
        assertFalse(Files.exists(abandonedFile));
        assertTrue(scope.call(tenant, () -> Upload.findById(abandoned) == null));

        // a clean-up whose transaction rolls back deletes no file
        UUID kept = fixtures.upload(tenant);
        Path keptFile = storage.resolve(scope.call(tenant, () -> Upload.<Upload> findById(kept).storedPath));
        try {
            scope.run(tenant, () -> {
                Upload u = Upload.findById(kept);
                String stored = u.storedPath;
                u.delete();
                storage.deleteAfterCommit(stored);
                throw new IllegalStateException("rolled back");
            });
        } catch (RuntimeException expected) {
            // the transaction rolled back
        }
        assertTrue(Files.exists(keptFile), "the row is still there, so is its file");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** An upload row of {@code size} bytes still waiting in storage (its bytes need not exist for the quota). */
    private void waitingUpload(long size) {
        scope.run(tenant, () -> {
            Upload u = new Upload();
            u.id = UUID.randomUUID();
            u.kind = UploadKind.AUDIO;
            u.originalFilename = "big.wav";
            u.contentType = "audio/vnd.wave";
            u.sizeBytes = size;
            u.uploadedBy = STAFF;
            u.storedPath = tenant + "/" + u.id;
            u.persist();
        });
    }

    private UUID daysOld(UUID upload, int days) {
        scope.run(tenant, () -> Upload.<Upload> findById(upload).createdAt = Instant.now().minus(Duration.ofDays(days)));
        return upload;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long uploadRows() {
        return scope.call(tenant, () -> Upload.count());
    }

    private List<String> incomingFiles() {
        Path dir = config.storageDir().resolve(UploadStorage.INCOMING);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(Path::toString).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitNoIncomingFiles() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        while (!incomingFiles().isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), incomingFiles(), "a stopped upload leaves no half-written file");
    }

    private Path file(String key, Instant modified) throws IOException {
        Path path = config.storageDir().resolve(key);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "bytes");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

    private String[] csrf() {
        Response page = given().get("/t/" + tenant);
        return new String[] { page.getCookie("portal-csrf"), page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content") };
    }

    private Response upload(Path file, String filename) {
        String[] csrf = csrf();
        return given().cookie("portal-csrf", csrf[0]).header("X-CSRF-TOKEN", csrf[1]).contentType("application/octet-stream")
                .header("X-File-Name", filename).body(file.toFile()).post("/t/" + tenant + "/uploads?kind=AUDIO");
    }

    /** An upload sent by hand over a socket, as slowly as a hostile client likes. */
    final class Trickle implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;

        Trickle(long declaredLength) throws IOException {
            String[] csrf = csrf();
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(500);
            out = socket.getOutputStream();
            String head = "POST /t/" + tenant + "/uploads?kind=AUDIO HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nCookie: portal-csrf=" + csrf[0] + "\r\nX-CSRF-TOKEN: " + csrf[1]
                    + "\r\nContent-Type: application/octet-stream\r\nX-File-Name: slow.wav\r\nContent-Length: " + declaredLength + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void send(int bytes) throws IOException {
            out.write(new byte[bytes]);
            out.flush();
        }

        /** Whether the portal ended the connection (a reset, or the end of the stream) within {@code limit}, while we keep trickling. */
        boolean closedWithin(Duration limit) {
            Instant until = Instant.now().plus(limit);
            InputStream in;
            try {
                in = socket.getInputStream();
            } catch (IOException e) {
                return true;
            }
            while (Instant.now().isBefore(until)) {
                try {
                    out.write(new byte[5]);
                    out.flush();
                    // -1: closed; a byte: the portal answered, so it reads no more of this upload
                    in.read();
                    return true;
                } catch (java.net.SocketTimeoutException e) {
                    // still open
                } catch (SocketException e) {
                    return true;
                } catch (IOException e) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }
}
