package com.claudioportal.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/** The platform administrator's operations on tenants. Each is recorded in that tenant's audit log. */
@ApplicationScoped
public class PlatformTenantService {

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Creates a tenant with its first tenant admin, in one transaction; refused when the address or alias is taken. */
    @Transactional
    public Result<Tenant> create(String id, String name, String organizationAlias, String firstAdminEmail) {
        String slug = id.trim().toLowerCase(Locale.ROOT);
        String alias = blankToNull(organizationAlias);
        FormErrors errors = FormErrors.none();
        if (Tenant.findById(slug) != null) {
            errors.add("id", Words.of(AdminMessages.class).plat_id_taken(slug));
        }
        if (alias != null && Tenant.count("organizationAlias", alias) > 0) {
            errors.add("organizationAlias", Words.of(AdminMessages.class).plat_org_taken(alias));
        }
        if (errors.any()) {
            return Result.refused(errors);
        }
        Tenant tenant = new Tenant();
        tenant.id = slug;
        tenant.name = name.trim();
        tenant.organizationAlias = alias;
        tenant.persist();
        em.flush();
        String admin = firstAdminEmail.trim().toLowerCase(Locale.ROOT);
        em.createNativeQuery("insert into membership (tenant_id, email, role) values (:tenant, :email, 'TENANT_ADMIN')")
                .setParameter("tenant", slug).setParameter("email", admin).executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", tenant.name);
        details.put("organizationAlias", alias);
        details.put("firstAdmin", admin);
        audit.recordFor(slug, "tenant.created", "tenant", slug, details);
        return Result.done(tenant);
    }

    /** Renames a tenant or changes its organization alias; refused when the alias is another tenant's. */
    @Transactional
    public Result<Tenant> update(String id, String name, String organizationAlias) {
        Tenant tenant = find(id);
        String alias = blankToNull(organizationAlias);
        if (alias != null && Tenant.count("organizationAlias = ?1 and id <> ?2", alias, tenant.id) > 0) {
            return Result.refused("organizationAlias", Words.of(AdminMessages.class).plat_org_taken(alias));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (!tenant.name.equals(name.trim())) {
            details.put("name", Map.of("from", tenant.name, "to", name.trim()));
        }
        if (!java.util.Objects.equals(tenant.organizationAlias, alias)) {
            details.put("organizationAlias", java.util.Arrays.asList(tenant.organizationAlias, alias));
        }
        tenant.name = name.trim();
        tenant.organizationAlias = alias;
        tenant.updatedAt = Instant.now();
        if (!details.isEmpty()) {
            audit.recordFor(tenant.id, "tenant.updated", "tenant", tenant.id, details);
        }
        return Result.done(tenant);
    }

    /** Enables or disables a tenant; returns its name. */
    @Transactional
    public String setEnabled(String id, boolean enabled) {
        Tenant tenant = find(id);
        if (tenant.enabled == enabled) {
            return tenant.name;
        }
        tenant.enabled = enabled;
        tenant.updatedAt = Instant.now();
        audit.recordFor(tenant.id, enabled ? "tenant.enabled" : "tenant.disabled", "tenant", tenant.id, Map.of());
        return tenant.name;
    }

    public static Tenant find(String id) {
        return Tenant.<Tenant> findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
