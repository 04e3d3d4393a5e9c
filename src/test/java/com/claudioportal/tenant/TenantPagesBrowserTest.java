package com.claudioportal.tenant;

import static com.claudioportal.infra.FormSteps.assertBesideFields;
import static com.claudioportal.infra.FormSteps.assertKept;
import static com.claudioportal.infra.FormSteps.submit;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;

import io.quarkus.test.junit.QuarkusTest;

/** Signs in through the real OIDC code flow in Chromium and uses the tenant pages. */
@QuarkusTest
class TenantPagesBrowserTest extends BrowserTestBase {

    @Test
    void staffOfTenantASeesTheirDashboardAndNoAdminLinks() {
        String tenantA = signedInTo("Maple Clinic", TenantRole.STAFF);

        assertThat(page).hasURL(base + "t/" + tenantA);
        assertThat(page.getByTestId("dashboard-title")).hasText("Maple Clinic");
        assertThat(page.getByTestId("active-tenant")).containsText("Maple Clinic");
        assertThat(page.getByTestId("active-tenant")).containsText("Staff");
        assertThat(page.locator("nav a[href$='/admin/members']")).hasCount(0);
        assertThat(page.locator("nav a[href$='/audit']")).hasCount(0);
        Browsers.screenshot(page, "tenant-dashboard-staff");
    }

    @Test
    void staffOfTenantBCannotReachTenantAPages() {
        String tenantA = fixtures.tenant("Maple Clinic", Fixtures.email("admin"));
        String staffB = Fixtures.email("staff-b");
        String tenantB = fixtures.tenantWithMember("Harbour IME", staffB, TenantRole.STAFF);

        signIn(staffB);
        assertThat(page.getByTestId("dashboard-title")).hasText("Harbour IME");

        for (String path : new String[] { "t/" + tenantA, "t/" + tenantA + "/admin/members", "t/" + tenantA + "/audit" }) {
            Response response = page.navigate(base + path);
            assertEquals(404, response.status(), path);
            assertThat(page.locator("h1")).hasText("Page not found");
            assertTrue(!page.content().contains("Maple Clinic"), "tenant A's name must not leak on " + path);
        }
        Browsers.screenshot(page, "tenant-404-other-tenant");
    }

    @Test
    void auditorSeesNoAdminLinksAndGets403OnAdminPages() {
        String tenant = signedInTo("Maple Clinic", TenantRole.AUDITOR);
        assertThat(page.getByTestId("active-tenant")).containsText("Auditor");
        assertThat(page.locator("nav a[href$='/admin/members']")).hasCount(0);
        assertThat(page.locator("nav a[href$='/audit']")).hasCount(1);

        Response response = page.navigate(base + "t/" + tenant + "/admin/members");
        assertEquals(403, response.status());
        assertThat(page.locator("h1")).hasText("Not allowed");
        Browsers.screenshot(page, "tenant-403-auditor");

        page.navigate(base + "t/" + tenant + "/audit");
        page.getByTestId("verify-now").click();
        assertThat(page.getByTestId("chain-status")).containsText("Intact");
        Browsers.screenshot(page, "audit-log-auditor");
        // the dashboard's recent activity names each action in words, as the audit log does (the 403 above, the log viewed)
        page.navigate(base + "t/" + tenant);
        assertThat(page.locator(".activity")).containsText("Audit log viewed");
        assertThat(page.locator(".activity")).not().containsText("audit.viewed");
    }

    @Test
    void tenantAdminAddsAMemberAndBadInputIsExplainedBesideTheField() {
        String admin = Fixtures.email("admin");
        String tenant = fixtures.tenant("Maple Clinic", admin);
        signIn(admin);

        page.navigate(base + "t/" + tenant + "/admin/members");
        Locator add = page.locator("[data-testid=add-member] button[type=submit]");
        submit(add, "#f-email", "not-an-address", "#f-role", "AUDITOR");
        assertBesideFields(page, "email", "valid e-mail");
        assertKept(page, "#f-email", "not-an-address", "#f-role", "AUDITOR");
        Browsers.screenshot(page, "members-validation");

        submit(add, "#f-email", "New.Person@Example.test");
        assertThat(page.getByTestId("flash")).containsText("new.person@example.test can now use Maple Clinic");
        assertThat(page.locator("tr[data-member='new.person@example.test']")).containsText("new.person@example.test");
        Browsers.screenshot(page, "members-list");
    }

    @Test
    void personInTwoTenantsChoosesAndSwitches() {
        String locum = Fixtures.email("locum");
        String a = fixtures.tenant("Maple Clinic", Fixtures.email("admin"));
        String b = fixtures.tenant("Harbour IME", Fixtures.email("admin"));
        fixtures.member(a, locum, TenantRole.STAFF);
        fixtures.member(b, locum, TenantRole.AUDITOR);

        signIn(locum);
        assertThat(page.getByTestId("tenant-list")).containsText("Maple Clinic");
        assertThat(page.getByTestId("tenant-list")).containsText("Harbour IME");
        Browsers.screenshot(page, "choose-tenant");
        page.locator("[data-testid=tenant-list] a[href='/t/" + a + "']").click();
        assertThat(page.getByTestId("dashboard-title")).hasText("Maple Clinic");

        page.getByTestId("active-tenant").click();
        page.locator(".dropdown-menu a[href='/t/" + b + "']").click();
        assertThat(page.getByTestId("dashboard-title")).hasText("Harbour IME");
        assertThat(page.getByTestId("active-tenant")).containsText("Auditor");
    }

    @Test
    void signOutEndsTheSession() {
        String tenant = signedInTo("Maple Clinic", TenantRole.STAFF);

        TestLogin.signOut(page, base.toString());
        assertThat(page.getByTestId("sign-in")).isVisible();
        page.navigate(base + "t/" + tenant);
        assertTrue(!page.url().startsWith(base + "t/"), "the tenant page must ask for a new sign-in");
    }
}
