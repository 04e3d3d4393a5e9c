package com.claudioportal.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Per test a fresh browser context (fresh cookies) with one page, closed after the test: closing it is what
 * fails the test on an accessibility violation seen on any page (see {@link Browsers#newContext()}), so a
 * test that opens other contexts closes them itself. For browser tests of the portal in this JVM
 * ({@link BrowserTestBase}) and of a portal in a process of its own (the demo stack).
 */
public abstract class BrowserPerTest {

    protected BrowserContext browser;
    protected Page page;

    @BeforeEach
    void openBrowserContext() {
        browser = Browsers.newContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        browser.close();
    }
}
