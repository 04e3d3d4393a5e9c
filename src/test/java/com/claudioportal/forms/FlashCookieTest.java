package com.claudioportal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The flash cookie is the browser's to send: whatever comes back, a page still renders. */
class FlashCookieTest {

    @Test
    void readsWhatThePortalWrote() {
        assertEquals(new Flash.Message("Member added.", "success"), Flash.parse("success%3AMember+added."));
        assertEquals(new Flash.Message("Save a connection first.", "warning"), Flash.parse("warning%3ASave%20a%20connection%20first."));
    }

    @Test
    void dropsAnythingElse() {
        assertNull(Flash.parse("%E0%A4%A"), "a broken %-escape");
        assertNull(Flash.parse("%zz"));
        assertNull(Flash.parse("danger%3A<b>hi</b>"), "a tone the portal never writes");
        assertNull(Flash.parse("no tone at all"));
        assertNull(Flash.parse("success%3A"));
        assertNull(Flash.parse("success%3Aline%0Abreak"));
        assertNull(Flash.parse("success%3A" + "x".repeat(5000)));
        assertNull(Flash.parse(""));
    }
}
