package com.claudioportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobEvent;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Code that forgets to enter a tenant sees nothing, not everybody's data: with no tenant active,
 * in a request context (a web request before the filter, a platform task) and without one (a bare
 * background thread), every tenant-owned entity has zero rows and a find by id finds nothing.
 */
@QuarkusTest
class NoTenantSeesNothingTest extends TenantTestBase {

    @Inject
    EntityManager em;

    @Test
    void withoutATenantEveryTenantOwnedEntityIsEmpty() throws Exception {
        String tenant = fixtures.tenantWithMember("Hidden Clinic", Fixtures.email("staff"), TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);
        fixtures.preset(tenant, "Dr. Hidden", Map.of("specialist_name", "Dr. Hidden"));
        long jobId = fixtures.finishedJob(tenant, profile);
        scope.run(tenant, () -> JobEvent.record(Job.<Job> findById(jobId), "A fixture event.", "fixtures"));
        fixtures.notification(tenant, jobId, Fixtures.email("notified"));
        fixtures.outboxMail(tenant, Fixtures.email("mailed"));
        List<Class<?>> entities = tenantOwnedEntities();
        assertTrue(entities.size() >= 10, entities.toString());

        // the positive control: inside the tenant, the rows are there
        List<String> empty = new ArrayList<>();
        for (Class<?> entity : entities) {
            long rows = scope.call(tenant, () -> count(entity));
            if (rows == 0 && !entity.getSimpleName().equals("WebhookToken")) {
                empty.add(entity.getSimpleName());
            }
        }
        assertEquals(List.of(), empty, "the fixtures made rows of every entity but these");

        ManagedContext request = Arc.container().requestContext();
        List<String> seen = new ArrayList<>();
        request.activate();
        try {
            assertTrue(!Arc.container().instance(TenantContext.class).get().isActive());
            QuarkusTransaction.requiringNew().run(() -> {
                entities.forEach(e -> record(seen, "in a request context", e, count(e)));
                assertNull(em.find(Job.class, jobId), "find by id in a request context without a tenant");
            });
            scope.platform(() -> {
                QuarkusTransaction.requiringNew().run(() -> entities.forEach(e -> record(seen, "in TenantScope.platform", e, count(e))));
                return null;
            });
        } finally {
            request.terminate();
        }
        Thread bare = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            entities.forEach(e -> record(seen, "without a request context", e, count(e)));
            if (em.find(Job.class, jobId) != null) {
                seen.add("find by id without a request context found the job");
            }
        }));
        bare.start();
        bare.join(30_000);
        assertEquals(List.of(), seen);
    }

    private long count(Class<?> entity) {
        return em.createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class).getSingleResult();
    }

    private static void record(List<String> seen, String where, Class<?> entity, long rows) {
        if (rows != 0) {
            seen.add(where + ": " + rows + " rows of " + entity.getSimpleName());
        }
    }

    static List<Class<?>> tenantOwnedEntities() throws IOException {
        return EntityScan.entities().stream().filter(TenantOwnedEntity.class::isAssignableFrom).toList();
    }
}
