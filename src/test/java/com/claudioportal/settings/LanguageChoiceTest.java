package com.claudioportal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;

/** The cookies that remember a browser's language and time zone. */
class LanguageChoiceTest {

    @Test
    void overHttpsTheCookieIsSecureHttpOnlyAndLax() {
        NewCookie c = LanguageChoice.cookie("fr", true);
        assertEquals("fr", c.getValue());
        assertTrue(c.isSecure());
        assertTrue(c.isHttpOnly());
        assertEquals(NewCookie.SameSite.LAX, c.getSameSite());
        assertEquals(365 * 24 * 3600, c.getMaxAge());
        assertTrue(c.toString().contains("Secure"), c.toString());
    }

    @Test
    void overPlainHttpItCannotBeSecureAndRemovingTheChoiceExpiresIt() {
        NewCookie c = LanguageChoice.cookie(null, false);
        assertFalse(c.isSecure());
        assertTrue(c.isHttpOnly());
        assertEquals(0, c.getMaxAge());
    }
}
