package com.claudioportal.claudio;

/**
 * What one HTTP attempt came to, before any reading of Claudio's JSON. The split between
 * {@link NotSent} and {@link Lost} is what makes Submit safe: only a request that never left the
 * portal may be repeated.
 */
sealed interface Exchange {

    /** An answer arrived. {@code body} is null when it was larger than the configured maximum. */
    record Answered(int status, String contentType, byte[] body) implements Exchange {

        boolean oversized() {
            return body == null;
        }
    }

    /** No connection could be made (refused, DNS, TLS, connect timeout): nothing was sent. */
    record NotSent(String reason) implements Exchange {
    }

    /** The request went out (or may have) and no complete answer came back. */
    record Lost(String reason, boolean timedOut) implements Exchange {
    }
}
