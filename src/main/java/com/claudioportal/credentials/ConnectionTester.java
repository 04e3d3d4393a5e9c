package com.claudioportal.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioFailure;
import com.claudioportal.claudio.ClaudioResult;
import com.claudioportal.claudio.ConnectionCheck;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/**
 * "Test connection": one harmless real call, described as one of four plain outcomes. The words
 * are the portal's own: nothing the remote host said (its status, body, message) is repeated to the
 * page or the audit log, because the address may be anyone's, not Claudio's.
 */
@ApplicationScoped
public class ConnectionTester {

    /** Its words are web.AdminMessages' {@code verdict_*} (the badge) and {@code verdict_text_*} (the explanation). */
    public enum Outcome {
        WORKS, REJECTED, UNREACHABLE, UNEXPECTED
    }

    /** The outcome and its explanation in the portal's words. */
    public record Verdict(Outcome outcome, String explanation) {
        public boolean works() {
            return outcome == Outcome.WORKS;
        }

        /** The outcome with its explanation in the reader's language. */
        static Verdict of(Outcome outcome) {
            AdminMessages words = Words.of(AdminMessages.class);
            return new Verdict(outcome, switch (outcome) {
                case WORKS -> words.verdict_text_WORKS();
                case REJECTED -> words.verdict_text_REJECTED();
                case UNREACHABLE -> words.verdict_text_UNREACHABLE();
                case UNEXPECTED -> words.verdict_text_UNEXPECTED();
            });
        }
    }

    @Inject
    ClaudioClient client;

    @Inject
    BaseUrlPolicy policy;

    /**
     * Tests {@code account} as it is (saved or only typed). The address is checked again first: a
     * saved name may resolve into the portal's own network by now. A refusal by the policy reads as
     * "address unreachable" with the policy's reason, which is the portal's own text.
     */
    public Verdict test(ClaudioAccount account) {
        PinnedResolution pinned = policy.pin(account.baseUrl());
        if (!pinned.ok()) {
            return new Verdict(Outcome.UNREACHABLE, pinned.problem());
        }
        // the client connects only to an address the policy checks again right then (OutboundAddresses)
        return describe(client.checkConnection(account));
    }

    static Verdict describe(ClaudioResult<ConnectionCheck> result) {
        if (result.isSuccess()) {
            return Verdict.of(Outcome.WORKS);
        }
        ClaudioFailure failure = result.failureOrNull();
        if (failure instanceof ClaudioFailure.Unauthorized) {
            return Verdict.of(Outcome.REJECTED);
        }
        if (failure instanceof ClaudioFailure.Timeout) {
            return new Verdict(Outcome.UNREACHABLE, Words.of(AdminMessages.class).verdict_timeout());
        }
        if (failure instanceof ClaudioFailure.CircuitOpen) {
            return new Verdict(Outcome.UNREACHABLE, Words.of(AdminMessages.class).verdict_paused());
        }
        if (failure instanceof ClaudioFailure.Unreachable) {
            return Verdict.of(Outcome.UNREACHABLE);
        }
        return Verdict.of(Outcome.UNEXPECTED);
    }
}
