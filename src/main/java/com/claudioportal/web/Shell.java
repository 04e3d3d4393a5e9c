package com.claudioportal.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantDirectory;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantSummary;

import io.vertx.ext.web.RoutingContext;
import com.claudioportal.forms.Flash;

/**
 * What the page layout needs on every page: who is signed in, the active tenant, the tenants to
 * switch to, and which navigation entries the person's role may use. Templates read it as
 * {@code inject:shell}.
 */
@Named("shell")
@RequestScoped
public class Shell {

    @Inject
    CurrentUser user;

    @Inject
    TenantContext tenant;

    @Inject
    TenantDirectory directory;

    @Inject
    Flash flash;

    @Inject
    RoutingContext routing;

    @Inject
    @Named("csrf")
    io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider csrf;

    @Inject
    jakarta.enterprise.inject.Instance<HeaderCounts> counts;

    private List<TenantSummary> tenants;
    private Long unread;

    /**
     * The CSRF token for htmx requests, or null where the CSRF filter made none (e.g. an error
     * page for a request that never reached a resource): rendering a page must never fail.
     */
    public String csrfToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    public boolean isSignedIn() {
        return user.isAuthenticated();
    }

    public String userName() {
        return user.isAuthenticated() ? user.displayName() : null;
    }

    public String userEmail() {
        return user.email();
    }

    public boolean isPlatformAdmin() {
        return user.isPlatformAdmin();
    }

    public boolean hasTenant() {
        return tenant.isActive() && tenant.tenantName() != null;
    }

    public String tenantId() {
        return tenant.isActive() ? tenant.tenantId() : null;
    }

    public String tenantName() {
        return tenant.tenantName();
    }

    /** The role's name (STAFF, TENANT_ADMIN, AUDITOR): pages show it through the messages role_* of tenant.RoleMessages. */
    public String roleName() {
        return tenant.role() == null ? "" : tenant.role().name();
    }

    /** Base path of the active tenant's pages, e.g. {@code /t/maple}. */
    public String base() {
        return tenant.address("");
    }

    public boolean canSubmit() {
        return hasTenant() && tenant.can(TenantRole.STAFF);
    }

    public boolean canSeeJobs() {
        return hasTenant() && (tenant.can(TenantRole.STAFF) || tenant.can(TenantRole.AUDITOR));
    }

    public boolean canAdminister() {
        return hasTenant() && tenant.can(TenantRole.TENANT_ADMIN);
    }

    public boolean canAudit() {
        return hasTenant() && tenant.can(TenantRole.AUDITOR);
    }

    /** The bell's count; 0 where there is no tenant, and never a reason for a page to fail. */
    public long unreadNotifications() {
        if (unread == null) {
            long n = 0;
            if (hasTenant() && user.hasEmail() && counts.isResolvable()) {
                try {
                    n = counts.get().unreadNotifications();
                } catch (RuntimeException e) {
                    n = 0;
                }
            }
            unread = n;
        }
        return unread;
    }

    public List<TenantSummary> tenants() {
        if (tenants == null) {
            tenants = user.isAuthenticated() ? directory.tenantsOf(user.person()) : List.of();
        }
        return tenants;
    }

    /** Other tenants the person may switch to. */
    public List<TenantSummary> otherTenants() {
        return tenants().stream().filter(t -> !t.id().equals(tenantId())).toList();
    }

    public String path() {
        return routing.normalizedPath();
    }

    /** Whether the current page lies under {@code prefix}, for marking the navigation entry. */
    public boolean at(String prefix) {
        String path = path();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Whether the current page lies under {@code suffix} of the active tenant, e.g. {@code /admin/members}. */
    public boolean atTenant(String suffix) {
        return hasTenant() && at(base() + suffix);
    }

    public Flash.Message flash() {
        return flash.take();
    }
}
