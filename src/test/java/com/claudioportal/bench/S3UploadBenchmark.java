package com.claudioportal.bench;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;

import com.claudioportal.infra.S3MockProcess;
import com.claudioportal.infra.SignedInAs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link UploadBenchmark} with the S3 staged-upload store (Adobe S3Mock, a real S3 API server, in
 * its own process): the same 1 GiB through the portal into the bucket, and from the bucket (a
 * streamed scratch copy, as the worker sends it) on to the sandbox. {@code ./bench upload} runs both.
 */
@QuarkusTest
@TestProfile(S3UploadBenchmark.S3Profile.class)
@Tag("benchmark")
@SignedInAs(UploadBenchmark.STAFF)
class S3UploadBenchmark extends UploadBenchmark {

    public static class S3Profile extends BenchmarkProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            S3MockProcess s3 = S3MockProcess.shared();
            s3.bucket("bench-uploads");
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.putAll(s3.portalConfig("bench-uploads", "AES256"));
            return config;
        }
    }
}
