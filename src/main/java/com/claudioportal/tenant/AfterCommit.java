package com.claudioportal.tenant;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that may only happen once the current transaction has committed, and never if it rolls
 * back: a stored file goes only after the row that says it is gone, a request learns of an audit
 * entry only once it is written. On the ground floor because the audit log and the upload feature
 * both need it.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code then} after the current transaction commits (one must be active). */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable then) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    then.run();
                }
            }
        });
    }
}
