package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A tenant's key and secret never leave the client inside a message, however Claudio echoes them. */
class RedactorTest {

    @Test
    void bothCredentialsAreReplacedWhereverTheyAppear() {
        Redactor r = new Redactor("key-1234", "secret-5678");
        assertEquals("bad [redacted] / [redacted], again [redacted]", r.scrub("bad key-1234 / secret-5678, again key-1234"));
        assertNull(r.scrub(null));
        assertEquals("nothing to hide", r.scrub("nothing to hide"));
    }

    @Test
    void fourCharactersAreEnoughToRedactShorterOnesWouldEatEveryMessage() {
        assertEquals("x [redacted] y", new Redactor("abcd", null).scrub("x abcd y"));
        assertEquals("x abc y", new Redactor("abc", "") .scrub("x abc y"), "a 3-character value would match everywhere");
        assertEquals("x abcd y", new Redactor(null, null).scrub("x abcd y"));
    }

    @Test
    void messagesAreCutAt500Characters() {
        String exactly = "m".repeat(Redactor.MAX_MESSAGE_CHARS);
        assertEquals(exactly, new Redactor(null, null).scrub(exactly));
        assertEquals(exactly + "\u2026", new Redactor(null, null).scrub(exactly + "more"));
    }

    @Test
    void ofTakesTheAccountsCredentials() {
        assertEquals("[redacted]", Redactor.of(new ClaudioAccount("https://c.example", "the-key", "the-secret")).scrub("the-secret"));
    }
}
