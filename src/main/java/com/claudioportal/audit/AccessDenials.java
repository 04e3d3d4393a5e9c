package com.claudioportal.audit;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;
import com.claudioportal.tenant.TenantDisabledException;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.Vertx;

/**
 * Records refused access (403, 404), as the error pages answered it ({@link RefusedAccessFilter}): in the
 * tenant's chain when the address names an existing tenant (its auditors see who tried), else in
 * the platform's. When the route is {@link Audited}, the event names the attempted action and its
 * target, so it appears in that job's history. At most one per person and chain per
 * {@code portal.audit.denial-window}; the next one says how many were left out meanwhile.
 */
@ApplicationScoped
public class AccessDenials {

    private static final Logger LOG = Logger.getLogger(AccessDenials.class);

    /** A rate-limit window: when it started and how many refusals it swallowed. */
    private record Window(Instant start, int suppressed) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig config;

    @Inject
    TenantScope scope;

    @Inject
    EntityManager em;

    @Inject
    Vertx vertx;

    public static boolean isDenial(Throwable e) {
        return e instanceof NotFoundException || e instanceof ForbiddenException || e instanceof io.quarkus.security.ForbiddenException
                || e instanceof TenantDisabledException;
    }

    /** Called for a refusal answered 403 or 404 by the error pages. */
    public void refused(int status, UriInfo uri, ResourceInfo resource) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        AuditRequest request = Arc.container().instance(AuditRequest.class).get();
        if (request.denialRecorded()) {
            return;
        }
        request.markDenialRecorded();
        String path = uri == null ? "" : uri.getPath();
        String tenantParam = uri == null ? null : uri.getPathParameters().getFirst("tenant");
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null
                : method.getAnnotation(Audited.class) != null ? method.getAnnotation(Audited.class)
                : resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Audited.class);
        String chainParam = audited != null && !audited.chainParam().isEmpty() && uri != null
                ? uri.getPathParameters().getFirst(audited.chainParam()) : null;
        String requestedTenant = tenantParam != null ? tenantParam : chainParam;
        var http = Arc.container().instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent();
        AuditEntry entry = AuditEntry.of(audited != null ? audited.value() : "access.denied").outcome(AuditOutcome.DENIED)
                .detail("status", status).detail("method", http == null ? null : http.request().method().name());
        if (audited != null && !audited.target().isEmpty()) {
            entry.target(audited.target(), audited.id().isEmpty() || uri == null ? null : uri.getPathParameters().getFirst(audited.id()))
                    .detail("path", AuditTrail.clip(path, 200));
        } else {
            entry.target("page", path);
        }
        AuditSource source = AuditTrail.currentSource();
        // who, as seen now: the write may happen on another thread
        AuditActor actor = trail.currentActor(requestedTenant != null ? requestedTenant : AuditTrail.PLATFORM);
        entry.source(source).actor(actor);
        Runnable write = () -> scope.platform(() -> {
            String chain = requestedTenant != null && tenantExists(requestedTenant) ? requestedTenant : AuditTrail.PLATFORM;
            entry.chain(chain);
            String person = chain + "|" + ("anonymous".equals(actor.name()) ? "ip:" + source.clientIp() : actor.name());
            int left = admit(person);
            if (left < 0) {
                return null;
            }
            if (left > 0) {
                entry.detail("refusalsLeftOut", left);
            }
            QuarkusTransaction.requiringNew().run(() -> trail.write(entry));
            return null;
        });
        if (BlockingOperationControl.isBlockingAllowed()) {
            try {
                write.run();
            } catch (RuntimeException e) {
                // the person is refused either way; the failure to record it must not turn a 404 into a 500
                LOG.error("Could not record a refused access", e);
            }
        } else {
            vertx.executeBlocking(() -> {
                write.run();
                return null;
            }, false).onFailure(e -> LOG.error("Could not record a refused access", e));
        }
    }

    /** -1: inside the person's window, leave it out; otherwise how many the previous window left out. */
    int admit(String person) {
        Instant now = Instant.now();
        int[] result = { -1 };
        windows.compute(person, (k, w) -> {
            if (w == null || w.start().plus(config.denialWindow()).isBefore(now)) {
                result[0] = w == null ? 0 : w.suppressed();
                return new Window(now, 0);
            }
            return new Window(w.start(), w.suppressed() + 1);
        });
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue().start().plus(config.denialWindow()).isBefore(now) && e.getValue().suppressed() == 0);
        }
        return result[0];
    }

    private boolean tenantExists(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select id from tenant where id = :id").setParameter("id", id).getResultList();
            return !rows.isEmpty();
        });
    }
}
