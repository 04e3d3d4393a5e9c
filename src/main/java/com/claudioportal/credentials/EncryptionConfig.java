package com.claudioportal.credentials;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Master keys for secrets stored in the database (Claudio API keys and secrets).
 * Env: {@code PORTAL_ENCRYPTION_KEYS} = {@code id:base64,id:base64} (each key 32 random bytes,
 * e.g. {@code openssl rand -base64 32}) and {@code PORTAL_ENCRYPTION_ACTIVE_KEY} = the id new
 * values are sealed with. Keep retired keys listed until re-encryption has finished.
 */
@ConfigMapping(prefix = "portal.encryption")
public interface EncryptionConfig {

    /** Comma-separated {@code id:base64} pairs. */
    Optional<String> keys();

    /** Id of the key used for new values; defaults to the only key when there is one. */
    Optional<String> activeKey();

    /** Re-seal values made with other keys at start-up (env {@code PORTAL_ENCRYPTION_REENCRYPT_ON_START}). */
    @io.smallrye.config.WithDefault("true")
    boolean reencryptOnStart();
}
