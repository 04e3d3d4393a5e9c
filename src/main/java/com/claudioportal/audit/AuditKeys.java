package com.claudioportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.claudioportal.tenant.KeyRing;

import io.quarkus.runtime.StartupEvent;

/**
 * The keys that sign the audit chain (HMAC-SHA-256), kept outside the database: someone who can
 * write the audit table but does not have the key cannot recompute the chain. Each signed value
 * names its key, so the active key can be rotated while older events still verify.
 */
@ApplicationScoped
public class AuditKeys {

    private final KeyRing ring;

    public AuditKeys(AuditConfig config) {
        this.ring = KeyRing.parse(config.keys(), config.activeKey(), "HmacSHA256", "PORTAL_AUDIT_KEYS", "PORTAL_AUDIT_ACTIVE_KEY", "Audit key");
    }

    /** Fail at start-up, not at the first event, when no key is configured. */
    void checkConfigured(@Observes StartupEvent event) {
        ring.requireActive();
    }

    public String activeKeyId() {
        return ring.activeKeyId();
    }

    public Set<String> keyIds() {
        return ring.keyIds();
    }

    public boolean has(String keyId) {
        return keyId != null && ring.keys().containsKey(keyId);
    }

    /** A signer for one key; not thread-safe, cheap to reuse for a whole verification walk. */
    public Signer signer(String keyId) {
        SecretKeySpec key = ring.keys().get(keyId);
        if (key == null) {
            throw new IllegalStateException("Audit key '" + keyId + "' is not configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new Signer(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** HMAC of the fields (in {@link #canonical} form) under the named key, as 64 hex digits. */
    public String sign(String keyId, Object... fields) {
        return signer(keyId).sign(fields);
    }

    /** Whether {@code signature} is the signature of the fields under the named key (false for an unknown key). */
    public boolean verify(String keyId, String signature, Object... fields) {
        if (!has(keyId) || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(keyId, fields).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static final class Signer {
        private final Mac mac;

        Signer(Mac mac) {
            this.mac = mac;
        }

        public String sign(Object... fields) {
            return HexFormat.of().formatHex(mac.doFinal(canonical(fields)));
        }
    }

    /**
     * Fields as {@code <utf-8 length>:<value>;} ({@code -:} for null): unambiguous whatever the
     * values contain, so no two different field lists sign alike.
     */
    static byte[] canonical(Object... fields) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        for (Object f : fields) {
            if (f == null) {
                out.write('-');
                out.write(':');
            } else {
                byte[] bytes = String.valueOf(f).getBytes(StandardCharsets.UTF_8);
                byte[] length = Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII);
                out.write(length, 0, length.length);
                out.write(':');
                out.write(bytes, 0, bytes.length);
            }
            out.write(';');
        }
        return out.toByteArray();
    }
}
