package com.claudioportal.tenant;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs background work (workers, webhooks, seeding) as one tenant, in its own transaction, so
 * the same Hibernate scoping that protects web requests applies to it.
 */
@ApplicationScoped
public class TenantScope {

    @Inject
    TenantContext context;

    public <T> T call(String tenantId, Callable<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        TenantAccess previous = context.swap(new TenantAccess(tenantId, null, true, TenantRole.TENANT_ADMIN));
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } finally {
            context.swap(previous);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    public void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
