package com.claudioportal.infra;

import java.net.URL;

import jakarta.inject.Inject;

import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What a browser test of the portal starts from: the portal's address, the fixtures, and per test a
 * fresh browser context with one page ({@link BrowserPerTest}).
 */
public abstract class BrowserTestBase extends BrowserPerTest {

    @TestHTTPResource("/")
    protected URL base;

    @Inject
    protected Fixtures fixtures;

    /** Replaces this test's context with one made with {@code options} (a language, a time zone) and returns its page. */
    protected Page reopen(Browser.NewContextOptions options) {
        browser.close();
        browser = Browsers.newContext(options);
        page = browser.newPage();
        return page;
    }

    /** Signs {@code email} in on {@link #page} through the portal's real sign-in (see {@link TestLogin}). */
    protected void signIn(String email) {
        TestLogin.signIn(page, base.toString(), email);
    }

    /**
     * A new tenant named {@code name} with a fresh person in {@code role}, signed in on {@link #page}:
     * the start of a test that only needs "someone of this role, in their tenant". Returns the tenant's id.
     */
    protected String signedInTo(String name, TenantRole role) {
        String person = Fixtures.email(role.name().toLowerCase().replace('_', '-'));
        String tenant = fixtures.tenantWithMember(name, person, role);
        signIn(person);
        return tenant;
    }
}
