package com.claudioportal.infra;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What a test that walks the portal's pages in a French and an English browser as the same person starts
 * from: the portal's address, the fixtures, and browsers signed in per language in one time zone, all
 * closed after the test (closing is what fails it on an accessibility violation, see {@link Browsers#newContext()}).
 */
public abstract class BilingualBrowserTestBase {

    @TestHTTPResource("/")
    protected URL base;

    @Inject
    protected Fixtures fixtures;

    private final String timeZone;
    private final List<BrowserContext> browsers = new ArrayList<>();

    protected BilingualBrowserTestBase(String timeZone) {
        this.timeZone = timeZone;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(BrowserContext::close);
    }

    /** A new browser in {@code locale} (fr-CA, en-CA) with {@code email} signed in, with {@code roles} from the identity provider. */
    protected Page signedIn(String email, String locale, String... roles) {
        BrowserContext browser = Browsers.newContext(new Browser.NewContextOptions().setLocale(locale).setTimezoneId(timeZone));
        browsers.add(browser);
        Page page = browser.newPage();
        TestLogin.signIn(page, base.toString(), email, roles);
        return page;
    }
}
