package com.claudioportal.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The only place that reads memberships across tenants: deciding whether a person may enter a
 * tenant, and listing the tenants they belong to. Everything else reads tenant-owned data
 * through the tenant-scoped session. Organization grants are written here, on first use.
 * <p>
 * A membership belongs to the identity provider's subject (issuer + {@code sub}) once bound. An
 * invitation names an e-mail address; the first sign-in with that address, verified, binds the row
 * to the person signing in. From then on only the subject matches: a person whose address changes
 * keeps their access, and whoever gets the old address later does not inherit it.
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
    public Optional<TenantAccess> accessTo(String tenantId, Person person) {
        if (person == null || person.subject() == null || tenantId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            // the person's own row first; an invitation to their verified address only while unbound
            List<?> rows = em.createNativeQuery("""
                    select t.id, t.name, t.enabled, t.organization_alias, m.id, m.role, m.revoked, m.subject is null as unbound,
                           (m.last_seen_at is null or m.last_seen_at < now() - interval '5 minutes'
                            or m.display_name is distinct from :name
                            or (cast(:email as text) is not null and m.email is distinct from cast(:email as text))) as stale
                    from tenant t
                    left join lateral (
                        select * from membership m
                        where m.tenant_id = t.id
                          and ((m.issuer = :issuer and m.subject = :subject)
                               or (m.subject is null and m.email = cast(:email as text)))
                        order by m.subject is null
                        limit 1) m on true
                    where t.id = :tenant""")
                    .setParameter("tenant", tenantId)
                    .setParameter("issuer", person.issuer())
                    .setParameter("subject", person.subject())
                    .setParameter("email", person.email())
                    .setParameter("name", person.displayName())
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
                    bind(membershipId.longValue(), person);
                } else if ((Boolean) row[8]) {
                    touch(membershipId.longValue(), person);
                }
                return Optional.of(new TenantAccess(tenantId, name, enabled, TenantRole.valueOf((String) row[5])));
            }
            if (alias != null && person.email() != null && person.organizations().contains(alias)
                    && grantFromOrganization(tenantId, person)) {
                granted.fire(new OrganizationGrant(tenantId, person.email(), alias));
                return Optional.of(new TenantAccess(tenantId, name, enabled, TenantRole.STAFF));
            }
            return Optional.<TenantAccess> empty();
        });
    }

    /** Enabled tenants the person belongs to, including organization grants not yet written. */
    public List<TenantSummary> tenantsOf(Person person) {
        if (person == null || person.subject() == null) {
            return List.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    select t.id, t.name, m.role
                    from membership m join tenant t on t.id = m.tenant_id
                    where not m.revoked and t.enabled
                      and ((m.issuer = :issuer and m.subject = :subject)
                           or (m.subject is null and m.email = cast(:email as text)
                               and not exists (select 1 from membership b
                                               where b.tenant_id = m.tenant_id and b.issuer = :issuer and b.subject = :subject)))
                    union
                    select t.id, t.name, 'STAFF'
                    from tenant t
                    where t.enabled and cast(:email as text) is not null and t.organization_alias = any(cast(:orgs as text[]))
                      and not exists (select 1 from membership m where m.tenant_id = t.id
                                      and (m.email = cast(:email as text) or (m.issuer = :issuer and m.subject = :subject)))
                    order by 2""")
                    .setParameter("issuer", person.issuer())
                    .setParameter("subject", person.subject())
                    .setParameter("email", person.email())
                    .setParameter("orgs", person.organizations().toArray(String[]::new))
                    .getResultList();
            List<TenantSummary> result = new ArrayList<>(rows.size());
            for (Object r : rows) {
                Object[] row = (Object[]) r;
                result.add(new TenantSummary((String) row[0], (String) row[1], TenantRole.valueOf((String) row[2])));
            }
            return result;
        });
    }

    /** Whether the grant was written (false: a row for that address exists already, e.g. one an admin revoked). */
    private boolean grantFromOrganization(String tenantId, Person person) {
        return em.createNativeQuery("""
                insert into membership (tenant_id, email, role, source, display_name, last_seen_at, issuer, subject)
                values (:tenant, :email, 'STAFF', 'ORGANIZATION', :name, now(), :issuer, :subject)
                on conflict do nothing""")
                .setParameter("tenant", tenantId)
                .setParameter("email", person.email())
                .setParameter("name", person.displayName())
                .setParameter("issuer", person.issuer())
                .setParameter("subject", person.subject())
                .executeUpdate() == 1;
    }

    /** The first sign-in with an invited address: from now on the row is this person's. */
    private void bind(long membershipId, Person person) {
        em.createNativeQuery("""
                update membership set issuer = :issuer, subject = :subject, last_seen_at = now(), display_name = :name
                where id = :id and subject is null""")
                .setParameter("id", membershipId)
                .setParameter("issuer", person.issuer())
                .setParameter("subject", person.subject())
                .setParameter("name", person.displayName())
                .executeUpdate();
    }

    /**
     * Notes the visit, the current name and the current verified address (so the members page shows
     * it and the old one can be invited again), unless another row of the tenant holds that address.
     */
    private void touch(long membershipId, Person person) {
        em.createNativeQuery("""
                update membership m set last_seen_at = now(), display_name = :name,
                    email = case when cast(:email as text) is null or exists (select 1 from membership o
                                     where o.tenant_id = m.tenant_id and o.email = cast(:email as text) and o.id <> m.id)
                                 then m.email else cast(:email as text) end
                where m.id = :id""")
                .setParameter("id", membershipId)
                .setParameter("name", person.displayName())
                .setParameter("email", person.email())
                .executeUpdate();
    }
}
