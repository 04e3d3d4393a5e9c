package com.claudioportal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Accessibility;
import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The main pages on a laptop (1366 px), a tablet (768 px) and a phone (375 px), as a tenant admin with
 * a job, members and a preset: screenshots under
 * target/screenshots/widths-*.png for people to look at, no sideways scrolling at any width, the active
 * clinic and role reachable on the phone, and axe-core clean at each width (a reflowed layout can hide
 * or overlap what the wide one shows).
 */
@QuarkusTest
class ScreenWidthsBrowserTest extends BrowserTestBase {

    static final int[][] WIDTHS = { { 1366, 900 }, { 768, 1024 }, { 375, 812 } };

    @Test
    void mainPagesFitALaptopATabletAndAPhone() {
        String admin = Fixtures.email("admin");
        String tenant = fixtures.tenant("Clinique Saint-Laurent", admin);
        long profile = fixtures.seedProfile(tenant);
        long job = fixtures.finishedJob(tenant, profile);
        fixtures.member(tenant, Fixtures.email("a-staff-member-with-a-rather-long-address"), TenantRole.STAFF);
        String auditor = Fixtures.email("auditor");
        fixtures.member(tenant, auditor, TenantRole.AUDITOR);
        fixtures.preset(tenant, "Dr. Jane Roe", Map.of("specialist_name", "Dr. Jane Roe"));
        signIn(admin);

        String t = "t/" + tenant;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", t);
        pages.put("job-list", t + "/jobs");
        pages.put("new-job", t + "/jobs/new?profile=" + profile);
        pages.put("job-page", t + "/jobs/" + job);
        pages.put("profiles", t + "/admin/profiles");
        pages.put("presets", t + "/admin/presets");
        pages.put("members", t + "/admin/members");
        pages.put("connection", t + "/admin/connection");
        pages.put("settings", "settings");

        List<String> overflowing = new ArrayList<>();
        walk(page, pages, overflowing);

        // the audit log, as its readers see it
        BrowserContext auditorBrowser = Browsers.newContext();
        try {
            Page auditorPage = auditorBrowser.newPage();
            TestLogin.signIn(auditorPage, base.toString(), auditor);
            walk(auditorPage, Map.of("audit-log", t + "/audit"), overflowing);
        } finally {
            auditorBrowser.close();
        }
        // the platform admin's tenant list, whose row actions open a confirmation inside the table
        BrowserContext operatorBrowser = Browsers.newContext();
        try {
            Page operatorPage = operatorBrowser.newPage();
            TestLogin.signIn(operatorPage, base.toString(), Fixtures.email("operator"), CurrentUser.PLATFORM_ADMIN_ROLE);
            walk(operatorPage, Map.of("platform-tenants", "platform/tenants"), overflowing);
        } finally {
            operatorBrowser.close();
        }
        assertTrue(overflowing.isEmpty(), "pages scroll sideways: " + overflowing);

        // on the phone the menu folds away; opening it shows the active clinic and the role
        page.setViewportSize(375, 812);
        page.navigate(base + t);
        page.locator(".navbar-toggler").click();
        assertThat(page.getByTestId("active-tenant")).isVisible();
        assertThat(page.getByTestId("active-tenant")).containsText("Tenant admin");
        Accessibility.assertNoViolations(page);
        Browsers.screenshot(page, "widths-menu-open-375");
    }

    /** Each page at each width: a screenshot, no sideways scroll, no axe violation. */
    private void walk(Page page, Map<String, String> pages, List<String> overflowing) {
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Response response = page.navigate(base + p.getValue());
            assertEquals(200, response.status(), p.getValue());
            for (int[] size : WIDTHS) {
                page.setViewportSize(size[0], size[1]);
                Browsers.screenshot(page, "widths-" + p.getKey() + "-" + size[0]);
                Object scroll = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
                List<?> widths = (List<?>) scroll;
                if (((Number) widths.get(0)).intValue() > ((Number) widths.get(1)).intValue()) {
                    overflowing.add(p.getKey() + " at " + size[0] + " px is " + widths.get(0) + " px wide");
                }
                if (size[0] < 576) {
                    // on a phone a table is a card per row: none scrolls sideways inside its box either (a row's
                    // actions and their confirmation would be cut off) — except a figure's data table that is a
                    // scroll region on purpose, reachable by keyboard (role=region, tabindex=0: the audit log's days)
                    Object inner = page.evaluate("() => [...document.querySelectorAll('.table-responsive:not([role=region])')]"
                            + ".filter(e => e.scrollWidth > e.clientWidth + 1).length");
                    if (((Number) inner).intValue() > 0) {
                        overflowing.add(p.getKey() + " at " + size[0] + " px has " + inner + " table(s) scrolling sideways");
                    }
                }
                Accessibility.assertNoViolations(page);
            }
            page.setViewportSize(1366, 900);
        }
    }
}
