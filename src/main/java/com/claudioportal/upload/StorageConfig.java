package com.claudioportal.upload;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where staged uploads wait until Claudio has them (docs/operations.md, "Staged uploads"): a
 * local directory for one machine, or an S3-compatible bucket so that any replica's worker can
 * send a file another replica received.
 */
@ConfigMapping(prefix = "portal.storage")
public interface StorageConfig {

    enum Type {
        LOCAL, S3
    }

    /** {@code local} (default) or {@code s3} (env {@code PORTAL_STORAGE_TYPE}). */
    @WithDefault("local")
    Type type();

    S3 s3();

    interface S3 {
        /** The bucket; create it first (env {@code PORTAL_S3_BUCKET}). */
        Optional<String> bucket();

        /** Empty for AWS; the URL of MinIO, Ceph RGW, R2… otherwise (env {@code PORTAL_S3_ENDPOINT}). */
        Optional<String> endpoint();

        /** (env {@code PORTAL_S3_REGION}) */
        @WithDefault("us-east-1")
        String region();

        /** {@code true} for MinIO and Ceph (env {@code PORTAL_S3_PATH_STYLE}). */
        @WithDefault("false")
        boolean pathStyle();

        /** Static keys; both empty = the AWS default credential chain (env {@code PORTAL_S3_ACCESS_KEY_ID}). */
        Optional<String> accessKeyId();

        /** (env {@code PORTAL_S3_SECRET_ACCESS_KEY}) */
        Optional<String> secretAccessKey();

        /** Server-side encryption: {@code none}, {@code AES256} or {@code aws:kms} (env {@code PORTAL_S3_SSE}). */
        @WithDefault("none")
        String sse();

        /** The KMS key for {@code aws:kms} (env {@code PORTAL_S3_KMS_KEY_ID}). */
        Optional<String> kmsKeyId();

        /** Key prefix inside the bucket (env {@code PORTAL_S3_PREFIX}). */
        @WithDefault("staged/")
        String prefix();
    }
}
