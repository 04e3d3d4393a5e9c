package com.claudioportal.claudio;

import java.util.function.Function;

/**
 * The result of one attempt and whether the request may have reached Claudio. The one place that
 * decides what a failure means: which {@link ClaudioFailure} an exchange gives ({@link #of}),
 * whether it says Claudio is down ({@link #countsAsOutage}, counted by the tenant's circuit
 * breaker) and whether repeating it is safe and may help ({@link #mayRepeat}).
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

    /**
     * What one exchange means. An answer is read by {@code read}; nothing sent is unreachable; a
     * lost answer is a timeout or unreachable, except for Submit, whose outcome is then unknown
     * (Claudio may have created the job: docs/claudio.md, "Retries").
     */
    static <T> Attempt<T> of(ClaudioOperation op, Exchange exchange, Function<Exchange.Answered, ClaudioResult<T>> read,
            Redactor redactor) {
        if (exchange instanceof Exchange.Answered answered) {
            return sent(read.apply(answered));
        }
        if (exchange instanceof Exchange.NotSent notSent) {
            return notSent(ClaudioResult.failure(new ClaudioFailure.Unreachable(redactor.scrub(notSent.reason()))));
        }
        Exchange.Lost lost = (Exchange.Lost) exchange;
        String reason = redactor.scrub(lost.reason());
        if (op == ClaudioOperation.SUBMIT) {
            return sent(ClaudioResult.failure(new ClaudioFailure.OutcomeUnknown(reason)));
        }
        return sent(ClaudioResult.failure(lost.timedOut() ? new ClaudioFailure.Timeout(op.label) : new ClaudioFailure.Unreachable(reason)));
    }

    ClaudioFailure failure() {
        return result.failureOrNull();
    }

    /** Failures that say Claudio (or the way to it) is down, as opposed to a refused request. */
    boolean countsAsOutage() {
        ClaudioFailure failure = failure();
        return failure instanceof ClaudioFailure.Unreachable || failure instanceof ClaudioFailure.Timeout
                || failure instanceof ClaudioFailure.OutcomeUnknown
                || failure instanceof ClaudioFailure.VendorError v && v.status() >= 500;
    }

    /**
     * Whether repeating is safe and may help: a transient failure of a call that was made, never
     * the connection check (an admin wants the real answer now), and a Submit only when nothing
     * was sent, because Claudio has no idempotency key.
     */
    boolean mayRepeat(ClaudioOperation op) {
        ClaudioFailure failure = failure();
        if (failure == null || !called || op == ClaudioOperation.CHECK) {
            return false;
        }
        if (op == ClaudioOperation.SUBMIT) {
            return !sent && failure instanceof ClaudioFailure.Unreachable;
        }
        return failure.isTransient();
    }
}
