package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTrailTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    @Inject
    AuditTrail trail;

    @Inject
    EntityManager em;

    @Test
    void eventsFormAnIntactChainPerTenant() {
        String tenant = fixtures.tenant("Audit Clinic", Fixtures.email("admin"));
        fixtures.member(tenant, Fixtures.email("staff"), TenantRole.STAFF);
        scope.run(tenant, () -> trail.record("test.event", "thing", 7, Map.of("b", 2, "a", "x")));

        AuditTrail.ChainCheck check = scope.call(tenant, () -> trail.verify());
        assertTrue(check.intact());
        assertEquals(3, check.events());
        AuditEvent last = scope.call(tenant, () -> AuditEvent.<AuditEvent> find("order by seq desc").firstResult());
        assertEquals("{\"a\":\"x\",\"b\":2}", last.details, "details are stored canonically (sorted keys)");
        assertEquals("system", last.actor);
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        String tenant = fixtures.tenant("Audit Clinic", Fixtures.email("admin"));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update audit_event set actor = 'mallory' where tenant_id = :t")
                .setParameter("t", tenant).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from audit_event where tenant_id = :t")
                .setParameter("t", tenant).executeUpdate()));
    }

    @Test
    void rewritingHistoryBehindTheTriggersIsDetected() {
        String tenant = fixtures.tenant("Audit Clinic", Fixtures.email("admin"));
        fixtures.member(tenant, Fixtures.email("staff"), TenantRole.STAFF);
        fixtures.member(tenant, Fixtures.email("staff"), TenantRole.AUDITOR);
        // a database superuser can switch the triggers off; the hash chain still gives it away
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("alter table audit_event disable trigger audit_event_no_update").executeUpdate();
            em.createNativeQuery("update audit_event set details = '{\"role\":\"TENANT_ADMIN\"}' where tenant_id = :t and seq = 2")
                    .setParameter("t", tenant).executeUpdate();
            em.createNativeQuery("alter table audit_event enable trigger audit_event_no_update").executeUpdate();
        });
        AuditTrail.ChainCheck check = scope.call(tenant, () -> trail.verify());
        assertFalse(check.intact());
        assertEquals(2, check.firstBrokenSeq());
    }
}
