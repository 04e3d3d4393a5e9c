package com.claudioportal.claudio;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every way a call to Claudio can fail, as the portal needs to tell them apart. Messages from the
 * vendor are kept as they came (they contain no secrets); {@link #userMessage()} says it in words
 * a clinic's staff or admin understand, in English; {@link #code()} and {@link #params()} name the
 * same failure for a page that words it in the reader's language (the job timeline's
 * {@code failure_<code>} messages). The parameters are what {@link #userMessage()} quotes: Claudio's
 * own words, a technical reason, numbers — never anything of a job's content.
 */
public sealed interface ClaudioFailure {

    /** Words for people, e.g. on a job page or the connection test. */
    String userMessage();

    /** Whether trying again later may succeed without anyone changing anything. */
    default boolean isTransient() {
        return Kind.of(this).isTransient;
    }

    /** The kind of failure, stable across releases: e.g. {@code rejected}, {@code timeout}. */
    default String code() {
        return Kind.of(this).code();
    }

    /** What the words of {@link #code()} quote, by name (text; absent ones left out). */
    default Map<String, String> params() {
        return Map.of();
    }

    /** HTTP 400: Claudio refused the request ("Bad Request"), with its message. */
    record Rejected(String vendorMessage) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio refused the request" + suffix(vendorMessage);
        }

        public Map<String, String> params() {
            return words("vendor", vendorMessage);
        }
    }

    /** HTTP 401: the API key or secret was not accepted. */
    record Unauthorized(String vendorMessage) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio rejected the API key or secret \u2014 ask your tenant admin to check the connection";
        }
    }

    /** HTTP 5xx, or any answer the documentation does not describe. */
    record VendorError(int status, String vendorMessage) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio answered with an error (" + status + ")" + suffix(vendorMessage);
        }

        public boolean isTransient() {
            return status >= 500 || status == 429 || status == 408;
        }

        public Map<String, String> params() {
            return words("status", String.valueOf(status), "vendor", vendorMessage);
        }
    }

    /** A 200 whose body the portal could not make sense of. */
    record UnexpectedAnswer(String description) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio gave an answer the portal did not expect: " + description;
        }

        public Map<String, String> params() {
            return words("description", description);
        }
    }

    /** No answer within the configured time. */
    record Timeout(String operation) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio did not answer in time (" + operation + ")";
        }

        public Map<String, String> params() {
            // the operation's stable name, not its English label
            String name = Arrays.stream(ClaudioOperation.values()).filter(o -> o.label.equals(operation)).map(o -> o.metricName)
                    .findFirst().orElse(operation);
            return words("operation", name);
        }
    }

    /** The address could not be reached (DNS, refused connection, TLS). */
    record Unreachable(String reason) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio's address could not be reached (" + reason + ")";
        }

        public Map<String, String> params() {
            return words("reason", reason);
        }
    }

    /**
     * Submit only: the request may or may not have created a job (the connection broke or timed
     * out after the request was sent). Claudio has no idempotency key, so this is never retried
     * automatically.
     */
    record OutcomeUnknown(String reason) implements ClaudioFailure {
        public String userMessage() {
            return "The job was sent to Claudio but no answer came back (" + reason
                    + "). It may or may not have been created.";
        }

        public Map<String, String> params() {
            return words("reason", reason);
        }
    }

    /** Refused before sending: the file is bigger than Claudio accepts. */
    record TooLarge(long size, long limit) implements ClaudioFailure {
        public String userMessage() {
            return "The file is " + megabytes(size) + " MB; Claudio accepts at most " + megabytes(limit) + " MB";
        }

        public Map<String, String> params() {
            return words("sizeMb", String.valueOf(megabytes(size)), "limitMb", String.valueOf(megabytes(limit)));
        }
    }

    /** The tenant's circuit breaker is open after repeated failures: not called at all for now. */
    record CircuitOpen() implements ClaudioFailure {
        public String userMessage() {
            return "Claudio has been failing for this tenant; the portal pauses calls for a short while";
        }
    }

    /**
     * Each kind of failure, by the record that carries it: whether it is transient, and its code,
     * the constant's name in lower case (stored with a job's lines: never rename a constant).
     * {@link VendorError} decides by its status.
     */
    enum Kind {
        REJECTED(Rejected.class, false),
        UNAUTHORIZED(Unauthorized.class, false),
        VENDOR_ERROR(VendorError.class, false),
        UNEXPECTED_ANSWER(UnexpectedAnswer.class, false),
        TIMEOUT(Timeout.class, true),
        UNREACHABLE(Unreachable.class, true),
        OUTCOME_UNKNOWN(OutcomeUnknown.class, false),
        TOO_LARGE(TooLarge.class, false),
        CIRCUIT_OPEN(CircuitOpen.class, true);

        final Class<? extends ClaudioFailure> type;
        private final boolean isTransient;

        Kind(Class<? extends ClaudioFailure> type, boolean isTransient) {
            this.type = type;
            this.isTransient = isTransient;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(ClaudioFailure failure) {
            for (Kind kind : values()) {
                if (kind.type.isInstance(failure)) {
                    return kind;
                }
            }
            throw new IllegalStateException("no kind for " + failure.getClass());
        }
    }

    private static Map<String, String> words(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                out.put(namesAndValues[i], value.strip());
            }
        }
        return out;
    }

    private static String suffix(String vendorMessage) {
        return vendorMessage == null || vendorMessage.isBlank() ? "" : ": " + vendorMessage.strip();
    }

    private static long megabytes(long bytes) {
        return Math.round(bytes / 1_000_000.0);
    }
}
