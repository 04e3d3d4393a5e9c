package com.claudioportal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.claudioportal.tenant.KeyRing;

import io.quarkus.runtime.StartupEvent;

/**
 * Seals secrets for storage with AES-256-GCM (authenticated encryption, the JDK's own
 * implementation). A sealed value reads {@code v1:<key id>:<base64(iv | ciphertext | tag)>}: the
 * key id lets the master key be rotated while old values stay readable until re-encrypted. The
 * {@code context} (e.g. tenant and purpose) is bound as associated data, so a sealed value copied
 * to another tenant's row or another column does not open.
 */
@ApplicationScoped
public class SecretBox {

    private static final String FORMAT = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing ring;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(EncryptionConfig config) {
        this.ring = KeyRing.parse(config.keys(), config.activeKey(), "AES", "PORTAL_ENCRYPTION_KEYS", "PORTAL_ENCRYPTION_ACTIVE_KEY", "Encryption key");
    }

    /** Fail at start-up, not at the first save, when no key is configured. */
    void checkConfigured(@Observes StartupEvent event) {
        ring.requireActive();
    }

    public java.util.Set<String> keyIds() {
        return ring.keyIds();
    }

    public String activeKeyId() {
        return ring.activeKeyId();
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.keys().get(ring.activeKeyId()), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return FORMAT + ":" + ring.activeKeyId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret", e);
        }
    }

    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new IllegalStateException("Not a sealed value");
        }
        SecretKey key = ring.keys().get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Sealed with key '" + parts[1] + "', which is no longer configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never include the value or the key in the message
            throw new IllegalStateException("A sealed secret could not be opened (wrong key or altered data)");
        }
    }

    /** The key id a sealed value was made with. */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split(":", 3);
        return parts.length == 3 ? parts[1] : "";
    }

    public boolean isSealedWithActiveKey(String sealed) {
        return ring.activeKeyId() != null && ring.activeKeyId().equals(keyIdOf(sealed));
    }
}
