package com.claudioportal.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The accessibility net under every browser test catches what it is there for: a portal page
 * with a WCAG violation loaded in a test's context fails the test when the context closes, and a
 * page without one passes. The pages are served by the browser's own routing (no portal needed).
 */
class AccessibilityCheckTest {

    private static final String PAGE = "<!doctype html><html lang='en'><head><title>Check</title>"
            + "<link rel='stylesheet' href='/css/portal.css'></head><body><main><h1>Check</h1>%s</main></body></html>";

    @Test
    void aPortalPageWithAViolationFailsTheTestWhenItsContextCloses() {
        BrowserContext context = showing("<img src='/scan.png'>");
        AssertionError failure = assertThrows(AssertionError.class, context::close);
        assertTrue(failure.getMessage().contains("image-alt"), failure.getMessage());
    }

    @Test
    void aPortalPageWithoutViolationsPasses() {
        BrowserContext context = showing("<img src='/scan.png' alt='A scanned letter'>");
        assertTrue(Accessibility.violations(context.pages().get(0)).isEmpty());
        context.close();
    }

    /** A test's browser context with one page showing a portal-styled page with {@code body} in its main. */
    private static BrowserContext showing(String body) {
        BrowserContext context = Browsers.newContext();
        serve(context, body);
        Page page = context.newPage();
        page.navigate("http://portal.test/");
        return context;
    }

    private static void serve(BrowserContext context, String body) {
        context.route("**/*", route -> {
            String url = route.request().url();
            if (url.endsWith(".css")) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/css").setBody("body{}"));
            } else if (url.endsWith(".png")) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(404).setBody(""));
            } else {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/html")
                        .setBody(String.format(PAGE, body)));
            }
        });
    }
}
