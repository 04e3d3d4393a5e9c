package com.claudioportal.claudio;

/**
 * What a call to Claudio came to: a value, or a typed {@link ClaudioFailure}. Callers branch on
 * the type, never on message text.
 */
public sealed interface ClaudioResult<T> {

    record Success<T>(T value) implements ClaudioResult<T> {
    }

    record Failure<T>(ClaudioFailure failure) implements ClaudioResult<T> {
    }

    static <T> ClaudioResult<T> success(T value) {
        return new Success<>(value);
    }

    static <T> ClaudioResult<T> failure(ClaudioFailure failure) {
        return new Failure<>(failure);
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The value; throws when the call failed. */
    default T value() {
        if (this instanceof Success<T> s) {
            return s.value();
        }
        throw new IllegalStateException("Claudio call failed: " + ((Failure<T>) this).failure());
    }

    /** The failure, or null when the call succeeded. */
    default ClaudioFailure failureOrNull() {
        return this instanceof Failure<T> f ? f.failure() : null;
    }
}
