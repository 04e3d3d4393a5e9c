package com.claudioportal.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.S3MockProcess;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The S3 staged-upload store against a real S3 API server (Adobe S3Mock in its own process). */
class S3StagedStoreTest {

    static S3MockProcess s3;
    static Path scratch;

    @BeforeAll
    static void start() throws IOException {
        s3 = S3MockProcess.shared();
        scratch = Files.createTempDirectory("s3-scratch");
    }

    static StorageConfig.S3 config(String bucket, String sse) {
        return new StorageConfig.S3() {
            public Optional<String> bucket() { return Optional.of(bucket); }
            public Optional<String> endpoint() { return Optional.of(s3.endpoint()); }
            public String region() { return "us-east-1"; }
            public boolean pathStyle() { return true; }
            public Optional<String> accessKeyId() { return Optional.of(S3MockProcess.ACCESS_KEY); }
            public Optional<String> secretAccessKey() { return Optional.of(S3MockProcess.SECRET_KEY); }
            public String sse() { return sse; }
            public Optional<String> kmsKeyId() { return Optional.empty(); }
            public String prefix() { return "staged/"; }
        };
    }

    static Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path f = Files.createTempFile(scratch, "received", ".bin");
        Files.write(f, bytes);
        return f;
    }

    @Test
    void keepsSendsServesRangesAndDeletes() throws Exception {
        String bucket = s3.bucket("store-round-trip");
        try (S3StagedStore store = new S3StagedStore(config(bucket, "none"))) {
            Path received = file(3 * 1024 * 1024 + 17); // more than one part of any buffer
            byte[] bytes = Files.readAllBytes(received);
            store.put("maple/one", received);

            assertFalse(Files.exists(received), "the received file is moved, not copied");
            assertTrue(store.exists("maple/one"));
            assertEquals(bytes.length, store.size("maple/one"));
            try (S3Client client = s3.client()) {
                assertEquals(bytes.length, client.headObject(b -> b.bucket(bucket).key("staged/maple/one")).contentLength(),
                        "under the prefix, named by key");
            }
            try (InputStream in = store.open("maple/one", 100, 199)) {
                assertArrayEquals(Arrays.copyOfRange(bytes, 100, 200), in.readAllBytes());
            }
            try (StagedCopy copy = store.copyOut("maple/one", scratch)) {
                assertTrue(copy.temporary());
                assertArrayEquals(bytes, Files.readAllBytes(copy.path()));
                copy.close();
                assertFalse(Files.exists(copy.path()), "the scratch copy goes when the upload is over");
            }
            store.delete("maple/one");
            assertFalse(store.exists("maple/one"));
            assertEquals(-1, store.size("maple/one"));
            store.delete("maple/one"); // deleting twice is not an error (a retried cleanup)
        }
    }

    @Test
    void asksForServerSideEncryptionWhenConfigured() throws Exception {
        String bucket = s3.bucket("store-encrypted");
        try (S3StagedStore store = new S3StagedStore(config(bucket, "AES256")); S3Client client = s3.client()) {
            store.put("maple/secret", file(1000));
            assertEquals(ServerSideEncryption.AES256,
                    client.headObject(b -> b.bucket(bucket).key("staged/maple/secret")).serverSideEncryption());
        }
    }

    @Test
    void aMissingBucketIsAnErrorThatNamesNoKey() throws Exception {
        try (S3StagedStore store = new S3StagedStore(config("no-such-bucket", "none"))) {
            Path received = file(10);
            IOException e = assertThrows(IOException.class, () -> store.put("maple/x", received));
            assertFalse(e.getMessage().contains("maple"), e.getMessage());
            assertTrue(Files.exists(received), "nothing is lost: the received file stays for a retry or the sweep");
        }
    }

    @Test
    void aBucketIsRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new S3StagedStore(config("", "none")));
        assertTrue(e.getMessage().contains("PORTAL_S3_BUCKET"));
    }
}
