package com.claudioportal.credentials;

import static com.claudioportal.infra.FormSteps.assertBesideFields;
import static com.claudioportal.infra.FormSteps.assertKept;
import static com.claudioportal.infra.FormSteps.submit;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.audit.AuditEvent;
import com.claudioportal.infra.Ports;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TestSandbox;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/** A tenant admin saves and rotates the Claudio credentials and copies the webhook address. */
@QuarkusTest
class ConnectionBrowserTest extends BrowserTestBase {

    @Inject
    TenantScope scope;

    @Inject
    ConnectionService connections;

    @Inject
    WebhookTokens webhooks;

    final SandboxControl sandbox = TestSandbox.control();

    String tenant;

    String admin;

    @BeforeEach
    void signInAsTenantAdmin() {
        admin = Fixtures.email("admin");
        tenant = fixtures.tenant("Maple Clinic", admin);
        browser.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        signIn(admin);
        page.navigate(base + "t/" + tenant + "/admin/connection");
    }

    @Test
    void savesThenRotatesCredentialsWithoutEverShowingThem() {
        submit(page.getByTestId("save-connection"), "#f-baseUrl", "http://10.0.0.7/claudio", "#f-apiKey", "first-key-AAAA1111");
        assertBesideFields(page, "baseUrl", "own network", "apiSecret", "Enter the API secret");
        assertKept(page, "#f-baseUrl", "http://10.0.0.7/claudio", "#f-apiKey", "");
        Browsers.screenshot(page, "connection-errors");

        submit(page.getByTestId("save-connection"), "#f-baseUrl", sandbox.baseUrl(tenant), "#f-apiKey", "first-key-AAAA1111",
                "#f-apiSecret", "first-secret-BBBB2222");
        assertThat(page.getByTestId("flash")).containsText("saved");
        assertThat(page.getByTestId("key-hint")).hasText("\u2022\u2022\u2022\u20221111");
        assertThat(page.getByTestId("secret-hint")).hasText("\u2022\u2022\u2022\u20222222");
        assertFalse(page.content().contains("first-key") || page.content().contains("first-secret"));

        submit(page.getByTestId("save-connection"), "#f-apiKey", "second-key-CCCC3333", "#f-apiSecret", "second-secret-DDDD4444");
        assertThat(page.getByTestId("flash")).containsText("also for jobs already in progress");
        assertThat(page.getByTestId("key-hint")).hasText("\u2022\u2022\u2022\u20223333");
        assertFalse(page.content().contains("second-key") || page.content().contains("second-secret"));
        Browsers.screenshot(page, "connection-rotated");
        assertEquals("second-secret-DDDD4444", scope.call(tenant, () -> connections.account().orElseThrow().apiSecret()));
    }

    @Test
    void testsWhatIsOnTheFormWithoutSavingInFourPlainOutcomes() throws Exception {
        sandbox.ensureAccount(tenant, "sandbox-key-9911", "sandbox-secret-8822");
        submit(page.getByTestId("test-connection"), "#f-baseUrl", sandbox.baseUrl(tenant), "#f-apiKey", "sandbox-key-9911",
                "#f-apiSecret", "sandbox-secret-8822");
        assertThat(page.getByTestId("test-verdict")).hasText("Works. Claudio accepted the key and secret.");
        assertTrue(scope.call(tenant, () -> ClaudioConnection.current() == null), "testing saves nothing");
        assertThat(page.locator("#f-apiKey")).hasValue("sandbox-key-9911");
        Browsers.screenshot(page, "connection-test-unsaved-works");

        page.getByTestId("save-connection").click();
        assertThat(page.getByTestId("last-test")).containsText("not tested since the last change");
        page.getByTestId("test-connection").click();
        assertThat(page.getByTestId("test-verdict")).hasText("Works. Claudio accepted the key and secret.");
        page.reload();
        assertThat(page.getByTestId("last-test")).containsText("Works Claudio accepted the key and secret.");
        assertFalse(page.getByTestId("last-test").innerText().matches("(?s).*Works.*Works.*"), page.getByTestId("last-test").innerText());

        // a change on the form hides results that were about what it held before
        page.locator("#f-baseUrl").fill("http://localhost:" + Ports.closed() + "/claudio");
        assertThat(page.getByTestId("last-test")).isHidden();
        page.getByTestId("test-connection").click();
        assertThat(page.getByTestId("test-verdict")).hasText("Address unreachable. The portal could not reach this address. "
                + "Check the base URL, or try again later.");
        Browsers.screenshot(page, "connection-test-unreachable");

        page.reload();
        sandbox.rotateKey(tenant);
        page.getByTestId("test-connection").click();
        assertThat(page.getByTestId("test-verdict")).containsText("Key or secret rejected.");
        page.reload();
        assertThat(page.getByTestId("last-test")).containsText("Key or secret rejected");

        // saving another address clears the last result: it was about the old one
        page.locator("#f-baseUrl").fill("http://localhost:" + Ports.closed() + "/claudio");
        page.getByTestId("save-connection").click();
        assertThat(page.getByTestId("last-test")).containsText("not tested since the last change");

        List<String> results = scope.call(tenant, () -> AuditEvent.<AuditEvent>
                list("action = 'connection.tested' order by seq").stream().map(e -> e.details).toList());
        assertEquals(4, results.size(), results.toString());
        assertTrue(results.get(0).contains("\"outcome\":\"WORKS\"") && results.get(0).contains("\"unsaved\":true"), results.toString());
        assertTrue(results.get(3).contains("\"outcome\":\"REJECTED\"") && results.get(3).contains("\"unsaved\":false"), results.toString());
    }

    @Test
    void whatAnArbitraryHostAnswersIsNeverRepeated() throws Exception {
        com.sun.net.httpserver.HttpServer teapot = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        teapot.createContext("/", exchange -> {
            byte[] body = "{\"msg\":\"internal-banner-7731 at 10.9.8.7\",\"status\":\"error\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(418, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        teapot.start();
        try {
            submit(page.getByTestId("test-connection"), "#f-baseUrl", "http://127.0.0.1:" + teapot.getAddress().getPort() + "/api",
                    "#f-apiKey", "key-1234", "#f-apiSecret", "secret-5678");
            assertThat(page.getByTestId("test-verdict")).hasText("Unexpected answer. Something answered at this address, but not the way "
                    + "Claudio does. Check that the base URL is your team's Claudio address.");
            assertFalse(page.content().contains("internal-banner") || page.content().contains("418") || page.content().contains("10.9.8.7"));
            String audit = scope.call(tenant, () -> AuditEvent.<AuditEvent>
                    list("action = 'connection.tested'").stream().map(e -> e.details).reduce("", String::concat));
            assertTrue(audit.contains("UNEXPECTED"), audit);
            assertFalse(audit.contains("internal-banner") || audit.contains("418"), audit);
        } finally {
            teapot.stop(0);
        }
    }

    @Test
    void withoutTheScriptTheTestAnswersWithTheWholePage() {
        BrowserContext noScript = Browsers.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false));
        try {
            Page plain = noScript.newPage();
            TestLogin.signIn(plain, base.toString(), admin);
            plain.navigate(base + "t/" + tenant + "/admin/connection");
            submit(plain.getByTestId("test-connection"), "#f-baseUrl", "http://10.0.0.7/claudio", "#f-apiKey", "k-1", "#f-apiSecret", "s-2");
            assertThat(plain.getByTestId("test-verdict")).containsText("Address unreachable. This address points into the portal's own network");
            assertKept(plain, "#f-baseUrl", "http://10.0.0.7/claudio", "#f-apiKey", "");
            assertFalse(plain.content().contains("s-2\""), "typed secrets are not rendered back");
        } finally {
            noScript.close();
        }
    }

    @Test
    void createsAndCopiesTheWebhookAddressShownOnlyOnce() {
        assertThat(page.getByTestId("no-webhook")).isVisible();
        page.getByTestId("generate-webhook").click();
        String url = page.getByTestId("webhook-url").inputValue();
        assertTrue(url.startsWith(base + "webhooks/claudio/"), url);
        page.getByTestId("copy-webhook").click();
        assertThat(page.locator("[data-copy-status]")).hasText("Copied to the clipboard.");
        assertEquals(url, page.evaluate("() => navigator.clipboard.readText()"));
        Browsers.screenshot(page, "webhook-created");

        String token = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(tenant, webhooks.tenantOf(token).orElseThrow());

        page.navigate(base + "t/" + tenant + "/admin/connection");
        assertThat(page.getByTestId("webhook-masked")).containsText("\u2022\u2022\u2022\u2022" + token.substring(token.length() - 4));
        assertFalse(page.content().contains(token), "the full address is not shown again");

        // replacing a working address asks first, naming what happens (a details box: no script needed)
        assertThat(page.getByTestId("generate-webhook")).isHidden();
        page.getByTestId("regenerate-webhook").click();
        assertThat(page.locator("details.confirm[open] .confirm-box")).containsText("stops working at once");
        Browsers.screenshot(page, "webhook-confirm");
        page.getByTestId("generate-webhook").click();
        String second = page.getByTestId("webhook-url").inputValue();
        assertFalse(second.equals(url));
        assertTrue(webhooks.tenantOf(token).isEmpty(), "the old address stops working");
    }
}
