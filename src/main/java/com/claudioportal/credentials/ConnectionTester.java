package com.claudioportal.credentials;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioFailure;
import com.claudioportal.claudio.ClaudioResult;
import com.claudioportal.claudio.ConnectionCheck;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * "Test connection": one harmless real call, described in words a clinic's admin understands:
 * it works, the key or secret was rejected, the address could not be reached, or Claudio gave an
 * answer nobody expected (with its message).
 */
@ApplicationScoped
public class ConnectionTester {

    public record Verdict(boolean works, String summary) {
    }

    @Inject
    ClaudioClient client;

    @Inject
    ConnectionService connections;

    @Inject
    BaseUrlPolicy policy;

    /** Tests the active tenant's saved connection and records the verdict; empty when there is none. */
    public Optional<Verdict> testSaved() {
        Optional<ClaudioAccount> account = QuarkusTransaction.requiringNew().call(() -> connections.account());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = policy.problemWith(account.get().baseUrl())
                .map(problem -> new Verdict(false, "Address not allowed: " + problem))
                .orElseGet(() -> describe(client.checkConnection(account.get())));
        QuarkusTransaction.requiringNew().run(() -> connections.recordTest(verdict.works(), verdict.summary()));
        return Optional.of(verdict);
    }

    static Verdict describe(ClaudioResult<ConnectionCheck> result) {
        if (result.isSuccess()) {
            return new Verdict(true, "Works: Claudio accepted the key and secret.");
        }
        ClaudioFailure failure = result.failureOrNull();
        if (failure instanceof ClaudioFailure.Unauthorized u) {
            return new Verdict(false, "Key or secret rejected: Claudio did not accept them" + vendor(u.vendorMessage())
                    + ". Check both in Claudio's admin area and enter them again.");
        }
        if (failure instanceof ClaudioFailure.Unreachable u) {
            return new Verdict(false, "Address unreachable: " + u.reason() + ". Check the base URL.");
        }
        if (failure instanceof ClaudioFailure.Timeout) {
            return new Verdict(false, "Address unreachable: Claudio did not answer in time. Check the base URL, or try again later.");
        }
        if (failure instanceof ClaudioFailure.CircuitOpen) {
            return new Verdict(false, "Claudio has been failing for this tenant; the portal paused its calls. Try again in a minute.");
        }
        if (failure instanceof ClaudioFailure.UnexpectedAnswer u) {
            return new Verdict(false, "Unexpected answer: " + u.description() + ". Is the base URL really Claudio's?");
        }
        if (failure instanceof ClaudioFailure.VendorError v) {
            return new Verdict(false, "Unexpected answer: Claudio answered with an error (" + v.status() + ")" + vendor(v.vendorMessage()) + ".");
        }
        if (failure instanceof ClaudioFailure.Rejected r) {
            return new Verdict(false, "Unexpected answer: Claudio refused the test call" + vendor(r.vendorMessage()) + ".");
        }
        return new Verdict(false, "Unexpected answer: " + failure.userMessage() + ".");
    }

    private static String vendor(String message) {
        return message == null || message.isBlank() ? "" : " (Claudio said: \u201c" + message.strip() + "\u201d)";
    }
}
