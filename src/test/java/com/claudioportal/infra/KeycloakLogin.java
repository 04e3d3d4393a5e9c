package com.claudioportal.infra;

import com.microsoft.playwright.Page;

/** Fills Keycloak's login form, which is two steps (username, then password) when Organizations is on. */
public final class KeycloakLogin {

    private KeycloakLogin() {
    }

    public static void signIn(Page page, String portalUrl, String username, String password) {
        page.navigate(portalUrl + "login");
        page.locator("#username").fill(username);
        if (!page.locator("#password").isVisible()) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(password);
        Accessibility.acrossRedirects(page, () -> {
            page.locator("#kc-login").click();
            try {
                page.waitForURL(url -> url.startsWith(portalUrl));
            } catch (RuntimeException e) {
                Browsers.screenshot(page, "keycloak-stuck-" + username.replaceAll("[^a-z]+", "-"));
                throw new IllegalStateException("Keycloak did not send " + username + " back to the portal; it shows "
                        + page.url() + ": " + page.locator("body").innerText(), e);
            }
            page.waitForLoadState();
        });
        Browsers.screenshot(page, "keycloak-signed-in-" + username.replaceAll("[^a-z]+", "-"));
    }
}
