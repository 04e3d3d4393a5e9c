package com.claudioportal.tenant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.DemoStack;
import com.claudioportal.infra.KeycloakLogin;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The real thing: the packaged portal in its demo configuration, a real Keycloak started from the
 * Maven Central distribution with the realm file we ship, and Chromium signing in through it.
 * This proves the realm (client, roles, users, organizations) and the README's demo logins.
 */
class KeycloakLoginIT {

    static DemoStack stack;
    static String portal;

    BrowserContext browser;
    Page page;

    @BeforeAll
    static void startStack() {
        DemoStack.Settings defaults = DemoStack.Settings.fromSystemProperties(false,
                ProcessBuilder.Redirect.appendTo(Path.of("target", "it-portal.log").toFile()));
        stack = DemoStack.start(new DemoStack.Settings(defaults.home(), defaults.keycloakZip(), defaults.realmFile(),
                defaults.portalJar(), 18080, 19000, 18180, 0, false, defaults.portalOutput()));
        portal = stack.portalUrl();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.newContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void staffSignsInThroughKeycloakAndSeesTheirTenant() {
        KeycloakLogin.signIn(page, portal, "staff@maple.test", "demo");
        assertThat(page).hasURL(portal + "t/maple");
        assertThat(page.getByTestId("dashboard-title")).hasText("Maple Clinic");
        assertThat(page.getByTestId("active-tenant")).containsText("Staff");
        Browsers.screenshot(page, "keycloak-staff-dashboard");

        assertEquals(404, page.navigate(portal + "t/harbour").status());
    }

    @Test
    void theDemoRunsAJobEndToEndThroughTheSandbox() {
        KeycloakLogin.signIn(page, portal, "staff@maple.test", "demo");
        page.getByTestId("nav-new-job").click();
        page.waitForURL(url -> url.contains("?profile="));
        page.getByTestId("preset").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByTestId("audio-picker").setInputFiles(com.claudioportal.infra.TestFiles.wav("demo-dictation.wav", 3));
        assertThat(page.locator("[data-list=AUDIO] input[name=audioId]")).hasCount(1);
        page.getByTestId("document-picker").setInputFiles(com.claudioportal.infra.TestFiles.text("demo-loi.txt", "Claimant: J. Doe\n"));
        assertThat(page.locator("[data-list=DOCUMENT] input[name=documentId]")).hasCount(1);
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(page.getByTestId("job-status")).hasText("Transcript ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("timeline")).containsText("Claudio sent a notification");
        Browsers.screenshot(page, "demo-job-completed");
    }

    @Test
    void organizationMembersBecomeStaffAutomatically() {
        KeycloakLogin.signIn(page, portal, "nurse@maple.test", "demo");
        assertThat(page).hasURL(portal + "t/maple");
        assertThat(page.getByTestId("active-tenant")).containsText("Staff");
    }

    @Test
    void auditorSeesNoAdminLinksAndGets403() {
        KeycloakLogin.signIn(page, portal, "auditor@harbour.test", "demo");
        assertThat(page.getByTestId("dashboard-title")).hasText("Harbour IME");
        assertThat(page.locator("nav a[href$='/admin/members']")).hasCount(0);
        assertEquals(403, page.navigate(portal + "t/harbour/admin/members").status());
    }

    @Test
    void platformAdministratorRoleComesFromKeycloak() {
        KeycloakLogin.signIn(page, portal, "platform@claudio.test", "demo");
        page.navigate(portal + "platform/tenants");
        assertThat(page.getByTestId("tenants")).containsText("Maple Clinic");
        assertThat(page.getByTestId("tenants")).containsText("Harbour IME");
        Browsers.screenshot(page, "keycloak-platform-tenants");
    }

    @Test
    void signOutEndsTheKeycloakSessionToo() {
        KeycloakLogin.signIn(page, portal, "locum@claudio.test", "demo");
        assertThat(page.getByTestId("tenant-list")).containsText("Harbour IME");
        page.getByTestId("user-menu").click();
        page.getByTestId("sign-out").click();
        // Keycloak ends its own session and sends the browser back to the portal's front page
        page.waitForURL(url -> url.startsWith(portal) && !url.contains("/logout"));
        assertThat(page.getByTestId("sign-in")).isVisible();
        page.navigate(portal + "login");
        assertThat(page.locator("#username")).isVisible();
    }
}
