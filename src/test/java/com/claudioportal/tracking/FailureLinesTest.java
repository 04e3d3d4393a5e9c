package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.claudioportal.claudio.ClaudioFailure;

/**
 * Every kind of Claudio failure has its words on a job's timeline ({@code failure_<code>}), and in
 * English they say exactly what {@link ClaudioFailure#userMessage()} says, so the two never drift.
 */
class FailureLinesTest {

    @Test
    void eachFailureReadsOnTheTimelineAsItsUserMessage() {
        List<ClaudioFailure> all = List.of(new ClaudioFailure.Rejected("Bad Request: missing form_id "),
                new ClaudioFailure.Rejected(null), new ClaudioFailure.Unauthorized("nope"), new ClaudioFailure.VendorError(503, "Busy"),
                new ClaudioFailure.VendorError(502, " "), new ClaudioFailure.UnexpectedAnswer("a Poll answer that is neither in progress nor completed"),
                new ClaudioFailure.Timeout("poll job"), new ClaudioFailure.Timeout("upload audio"), new ClaudioFailure.Timeout("submit job"),
                new ClaudioFailure.Timeout("upload document"), new ClaudioFailure.Timeout("get job details"),
                new ClaudioFailure.Timeout("connection check"), new ClaudioFailure.Unreachable("connection refused"),
                new ClaudioFailure.OutcomeUnknown("connection reset"), new ClaudioFailure.TooLarge(300_400_000L, 250_000_000L),
                new ClaudioFailure.CircuitOpen());
        for (ClaudioFailure failure : all) {
            assertEquals(failure.userMessage(), FailureLines.of(failure).english(), failure.toString());
        }
        assertEquals("poll", new ClaudioFailure.Timeout("poll job").params().get("operation"), "the operation by its stable name");
    }
}
