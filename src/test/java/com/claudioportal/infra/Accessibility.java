package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * axe-core (npm, installed by {@code ./mvnw verify} into node_modules; never shipped to users) run in
 * the page the browser shows, against WCAG 2.1 A and AA (in contexts with JavaScript; see {@link Browsers#newContext}). {@link #assertNoViolations} checks the page
 * now; {@link Browsers} also runs it on every portal page a browser test loads, and once more on the
 * pages still open when the test closes its context, so no test has to remember to ask.
 */
public final class Accessibility {

    /** The rules a clinic is held to: WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
    private static final String UNSETTLED = "axe-unsettled";
    private static final int RUN_LIMIT_MILLIS = 20_000;
    /**
     * The bound of a check run from the load listener. Such a run is nested inside whatever the test is
     * waiting for (a click's navigation, a URL), whose own 15 s timeout keeps running meanwhile; a slow
     * or stuck run is given up well before it, like a run on a page the test navigated away from (a page
     * still open is checked again when the context closes), so it can never make the test's wait time out.
     */
    private static final int NESTED_RUN_LIMIT_MILLIS = 6_000;
    private static String axeSource;

    private Accessibility() {
    }

    /** Contexts with JavaScript turned off, where axe cannot run (see {@link Browsers#newContext}). */
    static final Set<com.microsoft.playwright.BrowserContext> WITHOUT_JAVASCRIPT = java.util.Collections
            .newSetFromMap(java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()));

    /**
     * While set, pages loading are not checked from the load listener: the pages of a sign-in's chain
     * of redirects (portal, identity provider, portal) are passed through, not read. The sign-ins
     * ({@link TestLogin}, {@link KeycloakLogin}) check the page they land on instead.
     */
    static final ThreadLocal<Boolean> SUSPENDED = ThreadLocal.withInitial(() -> false);

    /** Runs a chain of redirects (a sign-in) without checks from the load listener, then checks where it landed. */
    public static void acrossRedirects(Page page, Runnable redirects) {
        SUSPENDED.set(true);
        try {
            redirects.run();
        } finally {
            SUSPENDED.set(false);
        }
        assertNoViolations(page);
    }

    /** Fails when axe finds any WCAG 2.1 A/AA violation on the page as it is now. */
    public static void assertNoViolations(Page page) {
        List<String> found = violations(page);
        if (!found.isEmpty()) {
            throw new AssertionError(report(found));
        }
    }

    /**
     * The violations on the page now, one readable line each (rule, what it means, where, the page);
     * empty for pages that are not the portal's (the test identity provider's login page, Keycloak).
     */
    public static List<String> violations(Page page) {
        return violations(page, RUN_LIMIT_MILLIS);
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page, int limitMillis) {
        if (WITHOUT_JAVASCRIPT.contains(page.context()) || !isPortalPage(page)) {
            return List.of();
        }
        if (Boolean.FALSE.equals(page.evaluate("() => window.axe !== undefined"))) {
            // as the body of a function Playwright sends through the DevTools protocol: no <script> tag or eval,
            // which the portal's CSP would refuse
            page.evaluate("() => {\n" + source() + "\n}");
        }
        // bounded: an axe run that never settles (as in a page without JavaScript, where its timers never
        // fire) would otherwise hold the test for ever, as Playwright gives evaluate no timeout of its own
        Object result = page.evaluate("tags => Promise.race([axe.run(document, { runOnly: { type: 'tag', values: tags },"
                + " resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — '"
                + " + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240)) }))),"
                + " new Promise(done => setTimeout(() => done('" + UNSETTLED + "'), " + limitMillis + "))])", TAGS);
        if (UNSETTLED.equals(result)) {
            throw new PlaywrightException("axe did not finish within " + limitMillis + " ms on " + path(page.url()));
        }
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            StringBuilder line = new StringBuilder().append(v.get("id")).append(" (").append(v.get("impact"))
                    .append("): ").append(v.get("help")).append(" on ").append(path(page.url()));
            for (Object node : (List<Object>) v.get("nodes")) {
                line.append("\n      at ").append(node);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String report(Iterable<String> violations) {
        StringBuilder out = new StringBuilder("axe-core found WCAG 2.1 A/AA violations:");
        for (String v : violations) {
            out.append("\n  - ").append(v);
        }
        return out.toString();
    }

    /** Pages styled by the portal's own stylesheet; other sites the tests pass through are not ours to fix. */
    static boolean isPortalPage(Page page) {
        return Boolean.TRUE.equals(page.evaluate("() => document.querySelector('link[href=\"/css/portal.css\"]') !== null"));
    }

    private static String path(String url) {
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        return slash < 0 ? url : url.substring(slash);
    }

    private static synchronized String source() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing from node_modules: run ./mvnw verify (npm ci) once", e);
            }
        }
        return axeSource;
    }

    /**
     * What one browser context saw: every portal page checked on load. A page that navigates away while
     * axe runs is checked on its next load or when the context closes.
     */
    static final class Audit {
        private final Set<String> violations = new LinkedHashSet<>();

        void check(Page page) {
            if (SUSPENDED.get()) {
                return;
            }
            try {
                violations.addAll(violations(page, NESTED_RUN_LIMIT_MILLIS));
            } catch (PlaywrightException navigatedAway) {
                // the test moved on (a click, a redirect) while axe ran: the next page gets its own check
            }
        }

        void assertClean() {
            if (!violations.isEmpty()) {
                throw new AssertionError(report(violations));
            }
        }
    }
}
