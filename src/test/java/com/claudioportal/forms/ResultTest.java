package com.claudioportal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void doneCarriesItsValueAndNoReason() {
        Result<Long> done = Result.done(7L);
        assertTrue(done.ok());
        assertEquals(7L, done.value());
        assertTrue(done.errors().isEmpty());
        assertNull(done.problem());
        assertNull(done.refusedOn());
    }

    @Test
    void aRefusalSaysWhyAndWhere() {
        Result<Long> refused = Result.refused(FormErrors.none().add("email", "Already a member.").add("role", "Choose a role."));
        assertFalse(refused.ok());
        assertNull(refused.value());
        assertEquals("Already a member.", refused.problem(), "the first reason");
        assertEquals("email", refused.refusedOn());
        assertEquals("Choose a role.", refused.errors().get("role"));
    }

    @Test
    void aRefusalWithoutAReasonIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> Result.refused(FormErrors.none()));
    }

    @Test
    void aPartResultKeepsWhatWasMadeAndWhyNotTheRest() {
        Result<String> part = Result.partly("3 jobs", FormErrors.none().add("form", "The profile was disabled."));
        assertFalse(part.ok());
        assertEquals("3 jobs", part.value());
        assertEquals("The profile was disabled.", part.problem());
        assertTrue(Result.partly("all", FormErrors.none()).ok());
    }
}
