package com.claudioportal.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Wakes this instance's {@link MailSender} once a transaction that wrote mail has committed, so a
 * "transcript ready" mail leaves at once rather than at the sender's next look.
 */
@ApplicationScoped
public class MailWakeUp {

    /** Fired when a transaction wrote mail; observed after it commits. */
    public record MailWritten() {
    }

    @Inject
    Event<MailWritten> written;

    @Inject
    MailSender sender;

    void mailWritten() {
        written.fire(new MailWritten());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailWritten event) {
        sender.wake();
    }
}
