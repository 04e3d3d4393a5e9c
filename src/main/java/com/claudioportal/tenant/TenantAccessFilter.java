package com.claudioportal.tenant;

import java.lang.reflect.Method;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The single gate for every route under {@code /t/{tenant}/}: the person must be a member of
 * that tenant (otherwise 404, so the tenant's existence is not revealed), the tenant must be
 * enabled, and their role must satisfy the route's {@link TenantRoles} (otherwise 403). It then
 * activates the tenant for the request, which scopes all database access to it.
 */
public class TenantAccessFilter {

    public static final String TENANT_PARAM = "tenant";

    @Inject
    CurrentUser user;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantContext context;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void enterTenant(UriInfo uri, ResourceInfo resource) {
        String tenantId = uri.getPathParameters().getFirst(TENANT_PARAM);
        if (tenantId == null) {
            return;
        }
        if (!user.isAuthenticated()) {
            // the route's @Authenticated check has already challenged anonymous callers
            throw new NotFoundException();
        }
        TenantAccess access = directory.accessTo(tenantId, user.person()).orElseThrow(NotFoundException::new);
        if (!access.tenantEnabled()) {
            throw new TenantDisabledException(access.tenantName());
        }
        context.enter(access);
        TenantRoles required = requiredRoles(resource);
        if (required == null || !access.role().grantsAny(required.value())) {
            throw new ForbiddenException();
        }
    }

    static TenantRoles requiredRoles(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        TenantRoles onMethod = method == null ? null : method.getAnnotation(TenantRoles.class);
        if (onMethod != null) {
            return onMethod;
        }
        Class<?> type = resource.getResourceClass();
        return type == null ? null : type.getAnnotation(TenantRoles.class);
    }
}
