package com.claudioportal.infra;

import jakarta.inject.Inject;

import com.claudioportal.tenant.TenantScope;

/**
 * What a Quarkus test of tenant data starts from: {@link Fixtures} to make tenants, people and
 * records, and the {@link TenantScope} to read and write inside one tenant. Nearly every such test
 * needs both, so they are injected here once (as {@link BrowserTestBase} does for browser tests).
 */
public abstract class TenantTestBase {

    @Inject
    protected Fixtures fixtures;

    @Inject
    protected TenantScope scope;
}
