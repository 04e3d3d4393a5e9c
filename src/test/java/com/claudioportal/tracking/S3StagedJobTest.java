package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.S3MockProcess;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobState;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadStorage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import software.amazon.awssdk.services.s3.S3Client;

/** Staged uploads in S3 (a real S3 API server): received into the bucket, sent from it, deleted after Claudio has them. */
@QuarkusTest
@TestProfile(S3StagedJobTest.S3Store.class)
public class S3StagedJobTest extends WorkerTestBase {

    public static final String BUCKET = "portal-staged-jobs";

    public static class S3Store extends ManualWorker {
        @Override
        public Map<String, String> getConfigOverrides() {
            S3MockProcess s3 = S3MockProcess.shared();
            s3.bucket(BUCKET);
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.putAll(s3.portalConfig(BUCKET, "AES256"));
            return config;
        }
    }

    @Inject
    UploadStorage storage;

    @Test
    void filesGoFromTheBucketToClaudioAndLeaveTheBucketOnceSent() throws Exception {
        assertFalse(storage.isLocal());
        var w = claudio.tenant("Bucket Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "IME for J. Doe", false, 2, 1);
        List<String> keys = scope.call(w.tenant(), () -> Upload.<Upload> list("jobId", jobId)).stream().map(u -> u.storedPath).toList();
        assertEquals(3, keys.size());
        try (S3Client s3 = S3MockProcess.shared().client()) {
            for (String key : keys) {
                assertTrue(storage.exists(key), "staged in the bucket: " + key);
                s3.headObject(b -> b.bucket(BUCKET).key("staged/" + key));
            }
            assertFalse(Files.exists(Path.of("target/test-data/uploads").resolve(w.tenant())), "nothing staged on the local disk");

            worker.runOnce();

            Job job = scope.call(w.tenant(), () -> Job.<Job> findById(jobId));
            assertEquals(JobState.SUBMITTED, job.status, job.statusDetail);
            List<JobFile> files = scope.call(w.tenant(), () -> JobFile.<JobFile> list("jobId", jobId));
            assertTrue(files.stream().allMatch(f -> f.status == JobFile.Status.SENT));
            var atClaudio = claudio.uploadedFilenames(w.tenant());
            assertTrue(atClaudio.containsAll(List.of("dictation-1.wav", "dictation-2.wav", "letter-of-instruction.txt")), atClaudio.toString());
            for (String key : keys) {
                assertFalse(storage.exists(key), "deleted from the bucket after the commit: " + key);
            }
            try (var scratch = Files.list(Path.of("target/test-data/uploads/.incoming"))) {
                assertTrue(scratch.noneMatch(p -> p.getFileName().toString().startsWith("s3-")), "no scratch copy left behind");
            }
        }
    }
}
