package com.claudioportal.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The only place that reads memberships across tenants: deciding whether a person may enter a
 * tenant, and listing the tenants they belong to. Everything else reads tenant-owned data
 * through the tenant-scoped session. Organization grants are written here, on first use.
 */
@ApplicationScoped
public class TenantDirectory {

    @Inject
    EntityManager em;

    /** Fired inside the transaction that wrote an organization grant, so that it is audited with it. */
    public record OrganizationGrant(String tenantId, String email, String organization) {
    }

    @Inject
    jakarta.enterprise.event.Event<OrganizationGrant> granted;

    /** The person's access to a tenant, or empty when they are not a member (or it does not exist). */
    public Optional<TenantAccess> accessTo(String tenantId, String email, String displayName, Set<String> organizations) {
        if (email == null || tenantId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    select t.id, t.name, t.enabled, t.organization_alias, m.id, m.role, m.revoked,
                           (m.last_seen_at is null or m.last_seen_at < now() - interval '5 minutes'
                            or m.display_name is distinct from :name) as stale
                    from tenant t left join membership m on m.tenant_id = t.id and m.email = :email
                    where t.id = :tenant""")
                    .setParameter("tenant", tenantId)
                    .setParameter("email", email)
                    .setParameter("name", displayName)
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.<TenantAccess> empty();
            }
            Object[] row = (Object[]) rows.get(0);
            String name = (String) row[1];
            boolean enabled = (Boolean) row[2];
            String alias = (String) row[3];
            Number membershipId = (Number) row[4];
            if (membershipId != null) {
                if ((Boolean) row[6]) {
                    return Optional.<TenantAccess> empty();
                }
                if ((Boolean) row[7]) {
                    touch(membershipId.longValue(), displayName);
                }
                return Optional.of(new TenantAccess(tenantId, name, enabled, TenantRole.valueOf((String) row[5])));
            }
            if (alias != null && organizations.contains(alias)) {
                if (grantFromOrganization(tenantId, email, displayName)) {
                    granted.fire(new OrganizationGrant(tenantId, email, alias));
                }
                return Optional.of(new TenantAccess(tenantId, name, enabled, TenantRole.STAFF));
            }
            return Optional.<TenantAccess> empty();
        });
    }

    /** Enabled tenants the person belongs to, including organization grants not yet written. */
    public List<TenantSummary> tenantsOf(String email, Collection<String> organizations) {
        if (email == null) {
            return List.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    select t.id, t.name, m.role
                    from membership m join tenant t on t.id = m.tenant_id
                    where m.email = :email and not m.revoked and t.enabled
                    union
                    select t.id, t.name, 'STAFF'
                    from tenant t
                    where t.enabled and t.organization_alias = any(cast(:orgs as text[]))
                      and not exists (select 1 from membership m where m.tenant_id = t.id and m.email = :email)
                    order by 2""")
                    .setParameter("email", email)
                    .setParameter("orgs", organizations.toArray(String[]::new))
                    .getResultList();
            List<TenantSummary> result = new ArrayList<>(rows.size());
            for (Object r : rows) {
                Object[] row = (Object[]) r;
                result.add(new TenantSummary((String) row[0], (String) row[1], TenantRole.valueOf((String) row[2])));
            }
            return result;
        });
    }

    private boolean grantFromOrganization(String tenantId, String email, String displayName) {
        return em.createNativeQuery("""
                insert into membership (tenant_id, email, role, source, display_name, last_seen_at)
                values (:tenant, :email, 'STAFF', 'ORGANIZATION', :name, now())
                on conflict (tenant_id, email) do nothing""")
                .setParameter("tenant", tenantId)
                .setParameter("email", email)
                .setParameter("name", displayName)
                .executeUpdate() == 1;
    }

    private void touch(long membershipId, String displayName) {
        em.createNativeQuery("update membership set last_seen_at = now(), display_name = :name where id = :id")
                .setParameter("id", membershipId)
                .setParameter("name", displayName)
                .executeUpdate();
    }
}
