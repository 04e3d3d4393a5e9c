package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Each kind of failure keeps its stable code and says whether it may pass on its own, from the one
 * table of kinds; a new failure record without its row there fails here, not on a job.
 */
class ClaudioFailureTest {

    @Test
    void everyFailureRecordHasItsOneRowInTheTableOfKinds() {
        List<Class<?>> rows = Arrays.stream(ClaudioFailure.Kind.values()).<Class<?>>map(kind -> kind.type).toList();
        assertEquals(Set.of(ClaudioFailure.class.getPermittedSubclasses()), Set.copyOf(rows));
        assertEquals(ClaudioFailure.class.getPermittedSubclasses().length, rows.size());
    }

    @Test
    void codesAndTransienceStayAsStored() {
        List<ClaudioFailure> permanent = List.of(new ClaudioFailure.Rejected("x"), new ClaudioFailure.Unauthorized("x"),
                new ClaudioFailure.VendorError(404, "x"), new ClaudioFailure.UnexpectedAnswer("x"), new ClaudioFailure.OutcomeUnknown("x"),
                new ClaudioFailure.TooLarge(2, 1));
        List<ClaudioFailure> passing = List.of(new ClaudioFailure.VendorError(500, "x"), new ClaudioFailure.VendorError(429, "x"),
                new ClaudioFailure.VendorError(408, "x"), new ClaudioFailure.Timeout("poll job"), new ClaudioFailure.Unreachable("x"),
                new ClaudioFailure.CircuitOpen());
        permanent.forEach(failure -> assertFalse(failure.isTransient(), failure.toString()));
        passing.forEach(failure -> assertTrue(failure.isTransient(), failure.toString()));
        assertEquals(List.of("rejected", "unauthorized", "vendor_error", "unexpected_answer", "outcome_unknown", "too_large"),
                permanent.stream().map(ClaudioFailure::code).toList());
        assertEquals(List.of("vendor_error", "vendor_error", "vendor_error", "timeout", "unreachable", "circuit_open"),
                passing.stream().map(ClaudioFailure::code).toList());
    }
}
