package com.claudioportal.claudio;

/**
 * The result of one attempt and whether the request may have reached Claudio, which decides
 * whether repeating it is safe.
 */
record Attempt<T>(ClaudioResult<T> result, boolean sent, boolean called) {

    static <T> Attempt<T> sent(ClaudioResult<T> result) {
        return new Attempt<>(result, true, true);
    }

    static <T> Attempt<T> notSent(ClaudioResult<T> result) {
        return new Attempt<>(result, false, true);
    }

    /** The breaker refused the call: nothing was attempted. */
    static <T> Attempt<T> notCalled(ClaudioResult<T> result) {
        return new Attempt<>(result, false, false);
    }

    /** Failures that say Claudio (or the way to it) is down, as opposed to a refused request. */
    boolean countsAsOutage() {
        ClaudioFailure failure = result.failureOrNull();
        return failure instanceof ClaudioFailure.Unreachable || failure instanceof ClaudioFailure.Timeout
                || failure instanceof ClaudioFailure.OutcomeUnknown
                || failure instanceof ClaudioFailure.VendorError v && v.status() >= 500;
    }
}
