package com.claudioportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The portal's own reasons for an unreachable Claudio (claudio.Failures, ClaudioEndpoint) read in French
 * inside the French line; a reason the portal did not write (e.g. a new one) is quoted as it came.
 */
@QuarkusTest
class NetworkReasonsFrenchTest {

    static final List<String> OWN_REASONS = List.of("connection refused", "unknown host", "TLS handshake failed", "no route to host",
            "connection timed out", "no connection in time", "no answer in time", "the connection closed before Claudio answered",
            "the connection was reset before Claudio answered", "the upload moved slower than the minimum rate",
            "the base URL is not an absolute http(s) address");

    @Test
    void thePortalsOwnNetworkReasonsAreWordedInFrench() {
        TimelineMessages fr = MessageBundles.get(TimelineMessages.class, Localized.Literal.of("fr"));
        TimelineMessages en = MessageBundles.get(TimelineMessages.class, Localized.Literal.of("en"));
        for (String reason : OWN_REASONS) {
            String unreachable = fr.failure_unreachable(reason);
            assertFalse(unreachable.contains(reason), "French, not English: " + unreachable);
            assertFalse(fr.failure_outcome_unknown(reason).contains(reason), "French, not English: " + fr.failure_outcome_unknown(reason));
            assertEquals("Claudio's address could not be reached (" + reason + ")", en.failure_unreachable(reason), "English as before");
        }
        assertEquals("L'adresse de Claudio est injoignable (connexion refusée)", fr.failure_unreachable("connection refused"));
        assertEquals("L'adresse de Claudio est injoignable (ERR_42)", fr.failure_unreachable("ERR_42"), "anything else is quoted as it came");
    }
}
