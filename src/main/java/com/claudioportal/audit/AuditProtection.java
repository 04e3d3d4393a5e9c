package com.claudioportal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Says at start-up, and on the platform's audit page, how well the database protects the audit
 * table from the portal's own role: with a separate owner (DB_MIGRATION_USER) the portal can only
 * insert and read audit rows; with one role it could switch the trigger off, and only the keyed
 * chain and the anchors would show what it did.
 */
@ApplicationScoped
public class AuditProtection {

    private static final Logger LOG = Logger.getLogger(AuditProtection.class);

    @Inject
    EntityManager em;

    @Inject
    TenantScope scope;

    public record Status(String appRole, String owner, boolean appRoleCanChange) {
        public boolean separated() {
            return !appRoleCanChange;
        }
    }

    void atStart(@Observes StartupEvent event) {
        Status s = status();
        if (s.separated()) {
            LOG.infof("Audit table: the portal's role %s may only insert and read audit rows (owner: %s)", s.appRole(), s.owner());
        } else {
            LOG.warnf("Audit table: the portal's role %s can change or delete audit rows (owner: %s), so they are protected by "
                    + "the trigger only. Set DB_MIGRATION_USER to a separate owner role (docs/operations.md, \"Database roles\").",
                    s.appRole(), s.owner());
        }
    }

    public Status status() {
        return scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    select current_user::text, pg_get_userbyid(c.relowner)::text,
                           pg_get_userbyid(c.relowner) = current_user or has_table_privilege('audit_event', 'UPDATE')
                               or has_table_privilege('audit_event', 'DELETE') or has_table_privilege('audit_event', 'TRUNCATE')
                    from pg_class c where c.oid = 'audit_event'::regclass""").getSingleResult();
            return new Status((String) row[0], (String) row[1], (Boolean) row[2]);
        }));
    }
}
