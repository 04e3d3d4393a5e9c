package com.claudioportal.claudio;

/**
 * Every way a call to Claudio can fail, as the portal needs to tell them apart. Messages from the
 * vendor are kept as they came (they contain no secrets); {@link #userMessage()} says it in words
 * a clinic's staff or admin understand.
 */
public sealed interface ClaudioFailure {

    /** Words for people, e.g. on a job page or the connection test. */
    String userMessage();

    /** Whether trying again later may succeed without anyone changing anything. */
    boolean isTransient();

    /** HTTP 400: Claudio refused the request ("Bad Request"), with its message. */
    record Rejected(String vendorMessage) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio refused the request" + suffix(vendorMessage);
        }

        public boolean isTransient() {
            return false;
        }
    }

    /** HTTP 401: the API key or secret was not accepted. */
    record Unauthorized(String vendorMessage) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio rejected the API key or secret \u2014 ask your tenant admin to check the connection";
        }

        public boolean isTransient() {
            return false;
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
    }

    /** A 200 whose body the portal could not make sense of. */
    record UnexpectedAnswer(String description) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio gave an answer the portal did not expect: " + description;
        }

        public boolean isTransient() {
            return false;
        }
    }

    /** No answer within the configured time. */
    record Timeout(String operation) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio did not answer in time (" + operation + ")";
        }

        public boolean isTransient() {
            return true;
        }
    }

    /** The address could not be reached (DNS, refused connection, TLS). */
    record Unreachable(String reason) implements ClaudioFailure {
        public String userMessage() {
            return "Claudio's address could not be reached (" + reason + ")";
        }

        public boolean isTransient() {
            return true;
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

        public boolean isTransient() {
            return false;
        }
    }

    /** Refused before sending: the file is bigger than Claudio accepts. */
    record TooLarge(long size, long limit) implements ClaudioFailure {
        public String userMessage() {
            return "The file is " + megabytes(size) + " MB; Claudio accepts at most " + megabytes(limit) + " MB";
        }

        public boolean isTransient() {
            return false;
        }
    }

    /** The tenant's circuit breaker is open after repeated failures: not called at all for now. */
    record CircuitOpen() implements ClaudioFailure {
        public String userMessage() {
            return "Claudio has been failing for this tenant; the portal pauses calls for a short while";
        }

        public boolean isTransient() {
            return true;
        }
    }

    private static String suffix(String vendorMessage) {
        return vendorMessage == null || vendorMessage.isBlank() ? "" : ": " + vendorMessage.strip();
    }

    private static long megabytes(long bytes) {
        return Math.round(bytes / 1_000_000.0);
    }
}
