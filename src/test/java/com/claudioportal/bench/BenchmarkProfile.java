package com.claudioportal.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The portal as the benchmarks run it: the test configuration with Claudio's 250 MB per-file limit
 * raised to 2 GB everywhere it is checked (the portal's upload limit, the request body limit, the
 * client's pre-flight check; the sandbox process gets the same limit), because the limit is Claudio's and may change and the
 * portal must not be the bottleneck. The job worker is off so that nothing else runs meanwhile
 * (the upload benchmark calls the client the way the worker does, see {@link UploadBenchmark}).
 */
public class BenchmarkProfile implements QuarkusTestProfile {

    static final String LIMIT = "2000000000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "portal.uploads.max-audio-bytes", LIMIT,
                "quarkus.http.limits.max-body-size", "2100M",
                "portal.claudio.max-audio-bytes", LIMIT,
                "portal.uploads.tenant-quota-bytes", "100000000000",
                "portal.worker.enabled", "false");
    }
}
