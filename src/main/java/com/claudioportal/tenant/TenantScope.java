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

    /**
     * Runs work that belongs to no tenant yet (a webhook before its token is looked up, the worker
     * choosing due jobs) with a request context, as Hibernate needs one to know there is no tenant.
     */
    public <T> T platform(Callable<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
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
