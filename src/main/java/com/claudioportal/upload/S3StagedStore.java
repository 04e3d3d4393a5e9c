package com.claudioportal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Staged uploads in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW), so any replica can send a
 * file another replica received. Bodies are streamed from and to files — a 1 GiB recording never
 * enters the heap. Checksums are computed only where the API requires them: several S3-compatible
 * servers refuse the SDK's newer default trailing checksums.
 */
final class S3StagedStore implements StagedStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final StorageConfig.S3 config;

    S3StagedStore(StorageConfig.S3 config) {
        this.config = config;
        this.bucket = config.bucket().filter(b -> !b.isBlank())
                .orElseThrow(() -> new IllegalStateException("PORTAL_STORAGE_TYPE=s3 needs PORTAL_S3_BUCKET"));
        this.prefix = config.prefix();
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (config.accessKeyId().filter(k -> !k.isBlank()).isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId().get(), config.secretAccessKey().orElse(""))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = builder.build();
    }

    private String key(String key) {
        return prefix + key;
    }

    @Override
    public void put(String key, Path received) throws IOException {
        var request = PutObjectRequest.builder().bucket(bucket).key(key(key)).contentLength(Files.size(received));
        switch (config.sse()) {
            case "AES256" -> request.serverSideEncryption(ServerSideEncryption.AES256);
            case "aws:kms" -> {
                request.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                config.kmsKeyId().filter(k -> !k.isBlank()).ifPresent(request::ssekmsKeyId);
            }
            default -> {
                // none: the bucket's default encryption, if any, applies
            }
        }
        try {
            s3.putObject(request.build(), RequestBody.fromFile(received));
        } catch (S3Exception e) {
            throw new IOException("The object store refused an upload (" + e.statusCode() + ")", e);
        }
        Files.deleteIfExists(received);
    }

    @Override
    public boolean exists(String key) throws IOException {
        return size(key) >= 0;
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key(key)));
        } catch (S3Exception e) {
            throw new IOException("The object store refused a delete (" + e.statusCode() + ")", e);
        }
    }

    @Override
    public StagedCopy copyOut(String key, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Path copy = scratch.resolve("s3-" + UUID.randomUUID());
        try {
            s3.getObject(b -> b.bucket(bucket).key(key(key)), ResponseTransformer.toFile(copy));
        } catch (S3Exception e) {
            Files.deleteIfExists(copy);
            throw new IOException("The object store did not give a staged file (" + e.statusCode() + ")", e);
        }
        return new StagedCopy(copy, true);
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key(key))).contentLength();
        } catch (NoSuchKeyException e) {
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return -1;
            }
            throw new IOException("The object store did not answer (" + e.statusCode() + ")", e);
        }
    }

    @Override
    public java.util.Map<String, java.time.Instant> list() throws IOException {
        java.util.Map<String, java.time.Instant> all = new java.util.HashMap<>();
        try {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                    .forEach(o -> all.put(o.key().substring(prefix.length()), o.lastModified()));
        } catch (S3Exception e) {
            throw new IOException("The object store did not list the staged files (" + e.statusCode() + ")", e);
        }
        return all;
    }

    @Override
    public InputStream open(String key, long from, long to) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(key)).range("bytes=" + from + "-" + to));
        } catch (S3Exception e) {
            throw new IOException("The object store did not give a staged file (" + e.statusCode() + ")", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
