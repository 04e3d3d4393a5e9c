package com.claudioportal.infra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;

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

    /**
     * Signs out through the user menu and waits for the front page the identity provider sends the
     * browser back to. Like the sign-in, the chain of redirects (portal, identity provider, portal) runs
     * with the load listener's axe checks suspended and the landing page is checked after it: an axe run
     * nested inside this wait held it past its timeout in CI (both sign-out tests timed out there).
     */
    public static void signOut(Page page, String baseUrl) {
        // What each step of the chain answered, so a failure says which hop broke (CI once ended on
        // Chrome's own error page, which tells nothing of the request behind it).
        List<String> hops = new CopyOnWriteArrayList<>();
        Consumer<Response> answered = r -> hops.add(r.status() + " " + withoutQuery(r.url()));
        Consumer<Request> failed = r -> hops.add("FAILED " + withoutQuery(r.url()) + ": " + r.failure());
        page.onResponse(answered);
        page.onRequestFailed(failed);
        try {
            Accessibility.acrossRedirects(page, () -> {
                page.getByTestId("user-menu").click();
                page.getByTestId("sign-out").click();
                try {
                    page.waitForURL(baseUrl);
                } catch (com.microsoft.playwright.TimeoutError e) {
                    throw new AssertionError("sign-out should land on the front page " + baseUrl + "; the browser is at " + page.url()
                            + "; the requests: " + hops, e);
                }
            });
        } finally {
            page.offResponse(answered);
            page.offRequestFailed(failed);
        }
    }

    /** A URL without its query (the sign-out hops carry a token and a state). */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
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
