package com.claudioportal.credentials;

import static com.claudioportal.credentials.TestSecretBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final String K1 = key(1);
    static final String K2 = key(2);

    @Test
    void sealsAndOpensWithoutEverShowingThePlaintext() {
        SecretBox box = box("k1:" + K1, "k1");
        String sealed = box.seal("my-api-secret-123", "claudio-api-secret:maple");
        assertTrue(sealed.startsWith("v1:k1:"));
        assertFalse(sealed.contains("my-api-secret"));
        assertEquals("my-api-secret-123", box.open(sealed, "claudio-api-secret:maple"));
        assertNotEquals(sealed, box.seal("my-api-secret-123", "claudio-api-secret:maple"), "a fresh IV each time");
    }

    @Test
    void aSealedValueDoesNotOpenForAnotherTenantOrPurpose() {
        SecretBox box = box("k1:" + K1, "k1");
        String sealed = box.seal("secret", "claudio-api-secret:maple");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> box.open(sealed, "claudio-api-secret:harbour"));
        assertFalse(e.getMessage().contains("secret:"), "the message names no value");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "claudio-api-key:maple"));
    }

    @Test
    void alteredCiphertextIsRefused() {
        SecretBox box = box("k1:" + K1, "k1");
        String sealed = box.seal("secret", "ctx");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> box.open("v1:k1:" + Base64.getEncoder().encodeToString(raw), "ctx"));
    }

    @Test
    void rotationKeepsOldValuesReadableAndSealsNewOnesWithTheActiveKey() {
        String old = box("k1:" + K1, "k1").seal("secret", "ctx");
        SecretBox rotated = box("k1:" + K1 + ",k2:" + K2, "k2");
        assertEquals("secret", rotated.open(old, "ctx"));
        assertFalse(rotated.isSealedWithActiveKey(old));
        String resealed = rotated.seal(rotated.open(old, "ctx"), "ctx");
        assertTrue(resealed.startsWith("v1:k2:"));
        assertTrue(rotated.isSealedWithActiveKey(resealed));
        SecretBox retired = box("k2:" + K2, "k2");
        assertThrows(IllegalStateException.class, () -> retired.open(old, "ctx"));
    }

    @Test
    void badKeyConfigurationFailsClearly() {
        assertThrows(IllegalStateException.class, () -> box("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1"));
        assertThrows(IllegalStateException.class, () -> box("k1:" + K1, "k9"));
        assertThrows(IllegalStateException.class, () -> box("nonsense", null));
        assertThrows(IllegalStateException.class, () -> box("", null).checkConfigured(null));
    }

    @Test
    void keysAndTheActiveOneAreKnownByTheirIds() {
        SecretBox two = box(" k1:" + K1 + " , k2:" + K2 + ",", "k2");
        assertEquals(java.util.Set.of("k1", "k2"), two.keyIds());
        assertEquals("k2", two.activeKeyId());
        assertEquals("k1", box("k1:" + K1, null).activeKeyId(), "a single key is the active one");
        assertEquals("k1", box("k1:" + K1, "  ").activeKeyId(), "a blank active key means none named");
        assertEquals(null, box("k1:" + K1 + ",k2:" + K2, null).activeKeyId(), "two keys and none named: no active key");
        assertThrows(IllegalStateException.class, () -> box("k1:" + K1 + ",k2:" + K2, null).checkConfigured(null));
        assertThrows(IllegalStateException.class, () -> box(":" + K1, null), "a key needs an id");
        assertEquals("a", box("a:" + K1, null).activeKeyId(), "a one-letter id is an id");
        assertThrows(IllegalStateException.class, () -> box("k1:not base64!", null));
        assertEquals("k1", SecretBox.keyIdOf("v1:k1:abc"));
        assertEquals("", SecretBox.keyIdOf("garbage"));
        assertThrows(IllegalStateException.class, () -> box("k1:" + K1, "k1").open("v2:k1:abc", "ctx"), "an unknown format");
        assertThrows(IllegalStateException.class, () -> box("k1:" + K1, "k1").open("nonsense", "ctx"));
        assertThrows(IllegalStateException.class, () -> box("k1:" + K1, "k1").open("v1:k1:!!!", "ctx"), "not base64");
        assertFalse(box("k1:" + K1 + ",k2:" + K2, null).isSealedWithActiveKey("v1:k1:abc"), "no active key: nothing is sealed with it");
    }

    static String key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
