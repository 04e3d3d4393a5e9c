package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock, a real S3 API server, in a process of its own (Spring Boot and Quarkus do not share
 * a class path): {@code java -cp target/s3mock/*} as fetched by the build (src/test/s3mock/pom.xml).
 * One per test JVM is enough; buckets keep tests apart.
 */
public final class S3MockProcess implements AutoCloseable {

    static final Path CLASS_PATH = Path.of("target", "s3mock");
    static final String READY = "Started S3MockApplication";
    public static final String ACCESS_KEY = "portal-test";
    public static final String SECRET_KEY = "portal-test-secret";

    private static S3MockProcess shared;

    private final Process process;
    private final String endpoint;

    private S3MockProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The JVM's one S3Mock, started on first use and stopped when the JVM ends. */
    public static synchronized S3MockProcess shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(Path.of("target", "s3mock.log"));
            S3MockProcess started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    public static S3MockProcess start(Path log) {
        if (!Files.isDirectory(CLASS_PATH)) {
            throw new IllegalStateException(CLASS_PATH + " is missing: the build fetches it (execution fetch-s3mock)");
        }
        int port = FreePorts.find();
        Path root;
        try {
            root = Files.createTempDirectory("s3mock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", CLASS_PATH.toAbsolutePath() + "/*", "com.adobe.testing.s3mock.S3MockApplication",
                "--server.port=0", "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root, "--spring.main.banner-mode=off");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start S3Mock", e);
        }
        CompletableFuture<String> ready = ProcessOutput.follow(process, "s3mock", log, line -> line.contains(READY) ? line : null,
                () -> "S3Mock ended");
        try {
            // Spring Boot takes 5-10 s on a quiet machine, a minute on a loaded one
            ready.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            Processes.stop(process);
            throw new IllegalStateException("S3Mock did not start (see " + log + ")", e);
        }
        return new S3MockProcess(process, "http://127.0.0.1:" + port);
    }

    public String endpoint() {
        return endpoint;
    }

    /** A client as the portal builds it (path style, checksums only where required). */
    public S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    /** Creates a bucket (idempotent) and returns its name. */
    public String bucket(String name) {
        try (S3Client s3 = client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
                s3.createBucket(b -> b.bucket(name));
            }
        }
        return name;
    }

    /** The portal's settings for this server and bucket (as environment-style config keys). */
    public Map<String, String> portalConfig(String bucket, String sse) {
        return Map.of("portal.storage.type", "s3", "portal.storage.s3.bucket", bucket, "portal.storage.s3.endpoint", endpoint,
                "portal.storage.s3.path-style", "true", "portal.storage.s3.region", "us-east-1",
                "portal.storage.s3.access-key-id", ACCESS_KEY, "portal.storage.s3.secret-access-key", SECRET_KEY,
                "portal.storage.s3.sse", sse, "portal.storage.s3.prefix", "staged/");
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
