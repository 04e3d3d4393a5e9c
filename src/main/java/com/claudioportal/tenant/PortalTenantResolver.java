package com.claudioportal.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Tells Hibernate which tenant a new session belongs to. With discriminator multi-tenancy
 * Hibernate then adds {@code tenant_id = ?} to every query on an entity with {@code @TenantId}
 * and fills the column on insert. Outside a tenant the id {@link TenantContext#NONE} matches
 * nothing, so forgetting to enter a tenant shows no data rather than everybody's.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class PortalTenantResolver implements TenantResolver {

    @Override
    public String getDefaultTenantId() {
        return TenantContext.NONE;
    }

    @Override
    public String resolveTenantId() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return TenantContext.NONE;
        }
        return Arc.container().instance(TenantContext.class).get().tenantId();
    }
}
