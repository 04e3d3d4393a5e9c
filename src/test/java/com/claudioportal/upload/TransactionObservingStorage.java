package com.claudioportal.upload;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * The upload storage, noting each file kept while a database transaction was open (only in test
 * profiles that select this alternative): an object-store transfer of up to 1 GiB must not run
 * inside one.
 */
@Alternative
@ApplicationScoped
public class TransactionObservingStorage extends UploadStorage {

    @Inject
    TransactionManager transactionManager;

    private final List<UUID> keptInTransaction = new CopyOnWriteArrayList<>();
    private final List<UUID> kept = new CopyOnWriteArrayList<>();

    /** The upload ids kept inside a transaction (methods, not fields: callers hold a client proxy). */
    public List<UUID> keptInTransaction() {
        return List.copyOf(keptInTransaction);
    }

    /** Every upload id kept. */
    public List<UUID> kept() {
        return List.copyOf(kept);
    }

    @Override
    public String keep(Path received, String tenantId, UUID id) {
        try {
            if (transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION) {
                keptInTransaction.add(id);
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
        kept.add(id);
        return super.keep(received, tenantId, id);
    }
}
