package com.claudioportal.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One headless system Chromium for the whole test JVM (Playwright cannot download its own
 * browser here); each test gets a fresh context, i.e. fresh cookies.
 */
public final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static BrowserContext newContext() {
        return newContext(new Browser.NewContextOptions());
    }

    /** A context with other options (no JavaScript, another viewport); the viewport defaults as above. */
    public static synchronized BrowserContext newContext(Browser.NewContextOptions options) {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setArgs(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                            // dictation in the browser: a fake microphone (a beeping tone), allowed without a prompt
                            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")));
            Runtime.getRuntime().addShutdownHook(new Thread(Browsers::closeAll));
        }
        if (options.viewportSize == null) {
            options.setViewportSize(1280, 860);
        }
        if (options.reducedMotion == null) {
            // no colour transitions: axe would otherwise measure a button caught half-way through its hover
            // fade (CI saw an Export button at 1.57:1); the portal's styles honour the setting as users' browsers ask
            options.setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(15_000);
        if (Boolean.FALSE.equals(options.javaScriptEnabled)) {
            // axe runs on the page's own timers, which do not run without JavaScript (its promise then never
            // settles); the same pages are checked in the tests that have JavaScript
            Accessibility.WITHOUT_JAVASCRIPT.add(context);
            return context;
        }
        return checkedForAccessibility(context);
    }

    /**
     * The context with every portal page it loads checked by axe-core, and the pages
     * still open checked again at {@code close()}, which then fails the test on any violation seen.
     */
    private static BrowserContext checkedForAccessibility(BrowserContext context) {
        Accessibility.Audit audit = new Accessibility.Audit();
        context.onPage(page -> page.onLoad(audit::check));
        return (BrowserContext) Proxy.newProxyInstance(BrowserContext.class.getClassLoader(),
                new Class<?>[] { BrowserContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        context.pages().forEach(audit::check);
                        invoke(context, method, args);
                        audit.assertClean();
                        return null;
                    }
                    return invoke(context, method, args);
                });
    }

    private static Object invoke(BrowserContext context, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(context, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Saves a full-page screenshot under target/screenshots for people to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /**
     * Saves {@code name}-1366.png, {@code name}-768.png and {@code name}-375.png: the page on a laptop, a
     * tablet and a phone. The viewport goes back to what it was.
     */
    public static void screenshots(Page page, String name) {
        com.microsoft.playwright.options.ViewportSize before = page.viewportSize();
        for (int width : new int[] { 1366, 768, 375 }) {
            page.setViewportSize(width, width == 375 ? 812 : width == 768 ? 1024 : 900);
            screenshot(page, name + "-" + width);
        }
        page.setViewportSize(before.width, before.height);
    }

    private static synchronized void closeAll() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
        }
    }
}
