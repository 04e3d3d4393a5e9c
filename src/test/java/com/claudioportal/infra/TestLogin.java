package com.claudioportal.infra;

import com.microsoft.playwright.Page;

/**
 * Signs a browser in through the real authorization-code flow of the suite's OIDC provider
 * ({@link TestIdentityProvider}): the portal redirects to its login page, where we log in as a
 * custom user whose name is the (verified, unless said otherwise) e-mail address, and the provider
 * redirects back with a code.
 */
public final class TestLogin {

    private TestLogin() {
    }

    public static void signIn(Page page, String baseUrl, String email, String... identityProviderRoles) {
        signIn(page, baseUrl, email, true, identityProviderRoles);
    }

    /** As someone whose identity provider has not verified their e-mail address. */
    public static void signInUnverified(Page page, String baseUrl, String email) {
        signIn(page, baseUrl, email, false);
    }

    private static void signIn(Page page, String baseUrl, String email, boolean verified, String... identityProviderRoles) {
        page.navigate(baseUrl + "login");
        page.locator("summary.custom-link").click();
        page.locator("form.custom-form input[name=name]").fill(email);
        page.locator("form.custom-form input[name=roles]").fill(String.join(",", identityProviderRoles));
        if (!verified) {
            page.locator("form.custom-form input[name=unverified]").check();
        }
        Accessibility.acrossRedirects(page, () -> {
            page.locator("form.custom-form button[name=login]").click();
            page.waitForURL(url -> url.startsWith(baseUrl));
            page.waitForLoadState();
        });
    }
}
