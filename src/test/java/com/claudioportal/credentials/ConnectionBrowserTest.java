package com.claudioportal.credentials;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.TenantScope;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A tenant admin saves and rotates the Claudio credentials and copies the webhook address. */
@QuarkusTest
class ConnectionBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    @Inject
    ConnectionService connections;

    @Inject
    WebhookTokens webhooks;

    final com.claudioportal.infra.SandboxControl sandbox = com.claudioportal.infra.TestSandbox.control();

    BrowserContext browser;
    Page page;
    String tenant;

    @BeforeEach
    void signInAsTenantAdmin() {
        String admin = Fixtures.email("admin");
        tenant = fixtures.tenant("Maple Clinic", admin);
        browser = Browsers.newContext();
        browser.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page = browser.newPage();
        TestLogin.signIn(page, base.toString(), admin);
        page.navigate(base + "t/" + tenant + "/admin/connection");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void savesThenRotatesCredentialsWithoutEverShowingThem() {
        page.locator("#f-baseUrl").fill("http://10.0.0.7/claudio");
        page.locator("#f-apiKey").fill("first-key-AAAA1111");
        page.locator("[data-testid=connection-form] button[type=submit]").click();
        assertThat(page.locator("[data-field-error=baseUrl]")).containsText("own network");
        assertThat(page.locator("[data-field-error=apiSecret]")).containsText("Enter the API secret");
        assertThat(page.locator("#f-baseUrl")).hasValue("http://10.0.0.7/claudio");
        assertThat(page.locator("#f-apiKey")).hasValue("");
        Browsers.screenshot(page, "connection-errors");

        page.locator("#f-baseUrl").fill(sandbox.baseUrl(tenant));
        page.locator("#f-apiKey").fill("first-key-AAAA1111");
        page.locator("#f-apiSecret").fill("first-secret-BBBB2222");
        page.locator("[data-testid=connection-form] button[type=submit]").click();
        assertThat(page.getByTestId("flash")).containsText("saved");
        assertThat(page.getByTestId("key-hint")).hasText("\u2022\u2022\u2022\u20221111");
        assertThat(page.getByTestId("secret-hint")).hasText("\u2022\u2022\u2022\u20222222");
        assertFalse(page.content().contains("first-key") || page.content().contains("first-secret"));

        page.locator("#f-apiKey").fill("second-key-CCCC3333");
        page.locator("#f-apiSecret").fill("second-secret-DDDD4444");
        page.locator("[data-testid=connection-form] button[type=submit]").click();
        assertThat(page.getByTestId("flash")).containsText("also for jobs already in progress");
        assertThat(page.getByTestId("key-hint")).hasText("\u2022\u2022\u2022\u20223333");
        assertFalse(page.content().contains("second-key") || page.content().contains("second-secret"));
        Browsers.screenshot(page, "connection-rotated");
        assertEquals("second-secret-DDDD4444", scope.call(tenant, () -> connections.account().orElseThrow().apiSecret()));
    }

    @Test
    void testsTheConnectionAgainstTheSandboxAndExplainsARejectedKey() {
        sandbox.ensureAccount(tenant, "sandbox-key-9911", "sandbox-secret-8822");
        page.locator("#f-baseUrl").fill(sandbox.baseUrl(tenant));
        page.locator("#f-apiKey").fill("sandbox-key-9911");
        page.locator("#f-apiSecret").fill("sandbox-secret-8822");
        page.locator("[data-testid=connection-form] button[type=submit]").click();
        page.locator("[data-testid=test-connection] button").click();
        assertThat(page.getByTestId("flash")).hasText("Works: Claudio accepted the key and secret.");
        assertThat(page.getByTestId("last-test")).containsText("Works");
        Browsers.screenshot(page, "connection-test-works");

        sandbox.rotateKey(tenant);
        page.locator("[data-testid=test-connection] button").click();
        assertThat(page.getByTestId("flash")).containsText("Key or secret rejected");
        assertThat(page.getByTestId("last-test")).containsText("Failed");
        Browsers.screenshot(page, "connection-test-rejected");

        page.locator("#f-baseUrl").fill("http://localhost:" + com.claudioportal.infra.Ports.closed() + "/claudio");
        page.locator("[data-testid=connection-form] button[type=submit]").click();
        page.locator("[data-testid=test-connection] button").click();
        assertThat(page.getByTestId("flash")).containsText("Address unreachable");

        List<String> results = scope.call(tenant, () -> com.claudioportal.audit.AuditEvent.<com.claudioportal.audit.AuditEvent>
                list("action = 'connection.tested' order by seq").stream().map(e -> e.details).toList());
        assertEquals(3, results.size());
        assertTrue(results.get(0).contains("\"ok\":true") && results.get(1).contains("\"ok\":false"), results.toString());
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

        page.getByTestId("generate-webhook").click();
        String second = page.getByTestId("webhook-url").inputValue();
        assertFalse(second.equals(url));
        assertTrue(webhooks.tenantOf(token).isEmpty(), "the old address stops working");
    }
}
