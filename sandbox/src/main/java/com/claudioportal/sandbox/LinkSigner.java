package com.claudioportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, expiring download tokens, like the pre-signed links Claudio hands out: the file id and
 * expiry, signed with HMAC-SHA256. Anyone holding a link may download until it expires; no
 * credentials are needed, as with S3 pre-signed URLs.
 */
final class LinkSigner {

    /** Why a token was not accepted. */
    enum Rejection {
        MALFORMED, BAD_SIGNATURE, EXPIRED
    }

    record Verified(String fileId, Rejection rejection) {
        boolean ok() {
            return rejection == null;
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;

    LinkSigner(Optional<String> configuredKey, Clock clock) {
        this.clock = clock;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            this.key = configuredKey.get().getBytes(StandardCharsets.UTF_8);
        } else {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        }
    }

    String sign(String fileId, Instant expires) {
        String payload = B64.encodeToString((fileId + "|" + expires.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    Verified verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return new Verified(null, Rejection.MALFORMED);
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String decoded;
        try {
            signature = B64D.decode(token.substring(dot + 1));
            decoded = new String(B64D.decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Verified(null, Rejection.MALFORMED);
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            return new Verified(null, Rejection.BAD_SIGNATURE);
        }
        int bar = decoded.lastIndexOf('|');
        if (bar <= 0) {
            return new Verified(null, Rejection.MALFORMED);
        }
        long expires;
        try {
            expires = Long.parseLong(decoded.substring(bar + 1));
        } catch (NumberFormatException e) {
            return new Verified(null, Rejection.MALFORMED);
        }
        String fileId = decoded.substring(0, bar);
        if (clock.millis() > expires) {
            return new Verified(fileId, Rejection.EXPIRED);
        }
        return new Verified(fileId, null);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
