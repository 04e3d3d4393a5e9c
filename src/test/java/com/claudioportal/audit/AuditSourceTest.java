package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the audit log keeps of a request's user agent and address: one line, cut to its column. */
class AuditSourceTest {

    @Test
    void controlCharactersBecomeSpacesAndTheValueIsCutToItsColumn() {
        assertEquals("curl/8.0 injected line", AuditSource.clip("curl/8.0\r\ninjected\tline", 300).replace("  ", " "));
        assertEquals("Mozilla/5.0 (X11; Linux)", AuditSource.clip("  Mozilla/5.0 (X11; Linux) ", 300), "nothing to replace: only stripped");
        assertEquals("abcde", AuditSource.clip("abcdefgh", 5));
        assertNull(AuditSource.clip(" \t ", 300), "blank is no value");
        assertNull(AuditSource.clip(null, 300));
    }
}
