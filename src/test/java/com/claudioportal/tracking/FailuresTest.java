package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** What the engine logs of an unexpected exception: classes and our frame, never a message (it may name a patient's file). */
class FailuresTest {

    @Test
    void namesTheCauseChainAndOurFrameButNoMessage() {
        RuntimeException error = new IllegalStateException("Could not store Émilie-Tremblay-IME.wav",
                new UncheckedIOException("/data/uploads/Émilie-Tremblay-IME.wav", new java.io.IOException("Émilie-Tremblay-IME.wav")));
        String logged = Failures.describe(error);
        assertFalse(logged.contains("Tremblay"), logged);
        assertTrue(logged.startsWith("java.lang.IllegalStateException < java.io.UncheckedIOException < java.io.IOException at "
                + FailuresTest.class.getName() + ".namesTheCauseChainAndOurFrameButNoMessage("), logged);
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertEquals("java.lang.Exception < java.lang.Exception at " + FailuresTest.class.getName(),
                Failures.describe(a).substring(0, ("java.lang.Exception < java.lang.Exception at " + FailuresTest.class.getName()).length()));
    }
}
