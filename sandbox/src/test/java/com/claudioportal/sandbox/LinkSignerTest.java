package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

    private final LinkSigner signer = new LinkSigner(Optional.of("a-test-signing-key"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenNamesItsFileUntilItExpires() {
        String token = signer.sign("3f1c2d4e-0000-4000-8000-000000000001", NOW.plusSeconds(60));
        LinkSigner.Verified ok = signer.verify(token);
        assertTrue(ok.ok());
        assertEquals("3f1c2d4e-0000-4000-8000-000000000001", ok.fileId());
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "URL-safe");

        LinkSigner later = new LinkSigner(Optional.of("a-test-signing-key"), Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        assertEquals(LinkSigner.Rejection.EXPIRED, later.verify(token).rejection());
    }

    @Test
    void tamperedForeignOrMalformedTokensAreRefused() {
        String token = signer.sign("file-1", NOW.plusSeconds(60));
        String otherFile = signer.sign("file-2", NOW.plusSeconds(60));
        String spliced = token.substring(0, token.indexOf('.')) + otherFile.substring(otherFile.indexOf('.'));
        assertEquals(LinkSigner.Rejection.BAD_SIGNATURE, signer.verify(spliced).rejection());
        LinkSigner otherKey = new LinkSigner(Optional.of("another-key"), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(LinkSigner.Rejection.BAD_SIGNATURE, otherKey.verify(token).rejection());
        LinkSigner generated = new LinkSigner(Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(LinkSigner.Rejection.BAD_SIGNATURE, generated.verify(token).rejection(), "a generated key differs");
        assertEquals(LinkSigner.Rejection.MALFORMED, signer.verify("no-dot").rejection());
        assertEquals(LinkSigner.Rejection.MALFORMED, signer.verify("!!.??").rejection());
        assertNull(signer.verify(null).fileId());
    }
}
