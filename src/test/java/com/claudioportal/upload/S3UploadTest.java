package com.claudioportal.upload;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.S3MockProcess;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tracking.S3StagedJobTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads through the page's endpoint into S3 (a real S3 API server) and back to the audio player:
 * the transfer into the bucket runs outside any database transaction (a 1 GiB one outlived the
 * transaction timeout and ended in an error page: the upload benchmark's TransactionRequiredException),
 * and the player's range requests are answered from the bucket byte for byte.
 */
@QuarkusTest
@TestProfile(S3UploadTest.ObservedS3Store.class)
@SignedInAs(S3UploadTest.STAFF)
class S3UploadTest extends TenantTestBase {

    static final String STAFF = "staff@s3-uploads.test";

    static final String BUCKET = S3StagedJobTest.BUCKET;

    /** The S3 store of {@link S3StagedJobTest}, with the storage that notes transactions around a transfer. */
    public static class ObservedS3Store extends S3StagedJobTest.S3Store {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TransactionObservingStorage.class);
        }
    }

    @Inject
    TransactionObservingStorage storage;

    String tenant;

    @BeforeEach
    void tenant() {
        tenant = fixtures.tenantWithMember("Bucket Upload Clinic", STAFF, TenantRole.STAFF);
    }

    @Test
    void aRecordingGoesIntoTheBucketOutsideAnyDatabaseTransaction() throws Exception {
        assertFalse(storage.isLocal());
        Path wav = TestFiles.wav("bucket-dictation.wav", 2);
        Response r = upload("AUDIO", wav, "Dictée – bucket.wav");
        r.then().statusCode(200);
        UUID id = UUID.fromString(r.path("id"));
        assertTrue(storage.kept().contains(id), "kept through the storage");
        assertEquals(List.of(), storage.keptInTransaction(), "no transfer to the object store inside a database transaction");
        Upload stored = scope.call(tenant, () -> Upload.<Upload> findById(id));
        try (S3Client s3 = S3MockProcess.shared().client()) {
            byte[] inBucket = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("staged/" + stored.storedPath)).asByteArray();
            assertArrayEquals(Files.readAllBytes(wav), inBucket, "the bucket has the bytes that were sent");
        }
        assertEquals(2.0, stored.durationSeconds, 0.05, "the recording was listened to");
    }

    @Test
    void theAudioPlayerSeeksThroughRangesServedFromTheBucket() throws Exception {
        Path wav = TestFiles.wav("bucket-seek.wav", 3);
        byte[] bytes = Files.readAllBytes(wav);
        int size = bytes.length;
        String id = upload("AUDIO", wav, "seek.wav").then().statusCode(200).extract().path("id");
        String media = "/t/" + tenant + "/uploads/" + id + "/media";

        Response whole = given().get(media);
        whole.then().statusCode(200).header("Accept-Ranges", "bytes").header("Content-Length", String.valueOf(size))
                .contentType("audio/vnd.wave");
        assertArrayEquals(bytes, whole.asByteArray());

        Response middle = given().header("Range", "bytes=1000-1999").get(media);
        middle.then().statusCode(206).header("Content-Range", "bytes 1000-1999/" + size).header("Content-Length", "1000");
        assertArrayEquals(Arrays.copyOfRange(bytes, 1000, 2000), middle.asByteArray());

        Response open = given().header("Range", "bytes=" + (size - 10) + "-").get(media);
        open.then().statusCode(206).header("Content-Range", "bytes " + (size - 10) + "-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(bytes, size - 10, size), open.asByteArray());

        Response last = given().header("Range", "bytes=-44").get(media);
        last.then().statusCode(206).header("Content-Range", "bytes " + (size - 44) + "-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(bytes, size - 44, size), last.asByteArray());

        Response beyond = given().header("Range", "bytes=" + size + "-").get(media);
        beyond.then().statusCode(416).header("Content-Range", "bytes */" + size);

        // another tenant's id is not found, whatever the range
        String other = fixtures.tenantWithMember("Other Bucket Clinic", STAFF, TenantRole.STAFF);
        given().header("Range", "bytes=0-9").get("/t/" + other + "/uploads/" + id + "/media").then().statusCode(404);
    }

    Response upload(String kind, Path file, String filename) {
        Response page = given().get("/t/" + tenant);
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        return given().cookie("portal-csrf", page.getCookie("portal-csrf")).header("X-CSRF-TOKEN", token)
                .contentType("application/octet-stream")
                .header("X-File-Name", java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .body(file.toFile()).post("/t/" + tenant + "/uploads?kind=" + kind);
    }
}
