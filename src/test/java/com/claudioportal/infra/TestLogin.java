package com.claudioportal.infra;

import com.microsoft.playwright.Page;

/**
 * Signs a browser in through the real authorization-code flow of Quarkus' container-less OIDC
 * server (test profile): the portal redirects to its login page, where we log in as a custom
 * user whose name is the e-mail address, and the provider redirects back with a code.
 */
public final class TestLogin {

    private TestLogin() {
    }

    public static void signIn(Page page, String baseUrl, String email, String... identityProviderRoles) {
        page.navigate(baseUrl + "login");
        page.locator("summary.custom-link").click();
        page.locator("form.custom-form input[name=name]").fill(email);
        page.locator("form.custom-form input[name=roles]").fill(String.join(",", identityProviderRoles));
        page.locator("form.custom-form button[name=login]").click();
        page.waitForURL(url -> url.startsWith(baseUrl));
        page.waitForLoadState();
    }
}
