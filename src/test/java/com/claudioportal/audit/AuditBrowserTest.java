package com.claudioportal.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An auditor, in Chromium, follows one job's history from the job page to the audit log,
 * opens an event, exports the filtered log as CSV and has the log verified; signing in and out
 * are in the log.
 */
@QuarkusTest
class AuditBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    BrowserContext staffBrowser;
    BrowserContext auditorBrowser;
    String tenant;
    String staff;
    String auditor;
    long job;
    long otherJob;

    @BeforeEach
    void clinic() {
        staff = Fixtures.email("staff");
        auditor = Fixtures.email("auditor");
        tenant = fixtures.tenantWithMember("Clinique Élan", staff, TenantRole.STAFF);
        fixtures.member(tenant, auditor, TenantRole.AUDITOR);
        long profile = fixtures.seedProfile(tenant);
        job = fixtures.finishedJob(tenant, profile);
        otherJob = fixtures.finishedJob(tenant, profile);
        staffBrowser = Browsers.newContext();
        auditorBrowser = Browsers.newContext();
    }

    @AfterEach
    void close() {
        staffBrowser.close();
        auditorBrowser.close();
    }

    @Test
    void anAuditorFiltersTheLogToOneJobAndExportsIt() throws Exception {
        Page staffPage = staffBrowser.newPage();
        TestLogin.signIn(staffPage, base.toString(), staff);
        staffPage.navigate(base + "t/" + tenant + "/jobs/" + job);
        assertThat(staffPage.getByTestId("job-name")).isVisible();
        staffPage.navigate(base + "t/" + tenant + "/jobs/" + otherJob);

        Page page = auditorBrowser.newPage();
        TestLogin.signIn(page, base.toString(), auditor);
        awaitEvent("auth.signed-in", auditor);

        page.navigate(base + "t/" + tenant + "/jobs/" + job);
        page.getByTestId("job-audit-trail").click();
        page.waitForURL(url -> url.endsWith("/audit?job=" + job));
        assertThat(page.locator("#f-job")).hasValue(String.valueOf(job));
        assertThat(page.getByTestId("job-trail")).containsText("Everything that happened to job " + job);
        List<String> targets = page.locator("[data-testid=audit-events] tbody tr td:nth-child(6)").allTextContents();
        assertTrue(targets.size() >= 2, "the staff member's and the auditor's views: " + targets);
        assertTrue(targets.stream().allMatch(t -> t.strip().equals("job: " + job)), targets.toString());
        assertThat(page.getByTestId("audit-events")).containsText(staff);
        assertThat(page.getByTestId("audit-events")).containsText("Job viewed");
        assertThat(page.getByTestId("activity-chart")).isVisible();
        Browsers.screenshot(page, "audit-log-one-job");

        // the whole story of one event, in words
        page.locator("[data-testid=audit-events] tbody tr", new Page.LocatorOptions().setHasText(staff)).first().locator("td a").first()
                .click();
        assertThat(page.getByTestId("event-title")).hasText("Job viewed");
        assertThat(page.getByTestId("event-actor")).containsText(staff);
        assertThat(page.getByTestId("event-actor")).containsText("Staff");
        Browsers.screenshot(page, "audit-event");
        page.getByTestId("target-trail").click();
        page.waitForURL(url -> url.endsWith("/audit?job=" + job));

        Download download = page.waitForDownload(() -> page.getByTestId("export-csv").click());
        assertTrue(download.suggestedFilename().startsWith("audit-" + tenant), download.suggestedFilename());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFF\"Event\",\"Time (UTC)\",\"Person\",\"Role\""), lines.get(0));
        assertEquals(targets.size(), lines.size() - 1, "the rows of the filtered page: " + lines);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.contains("\"job\",\"" + job + "\""), line);
            assertTrue(line.startsWith("\"") && line.endsWith("\"" + tenant + "\""), line);
        }
        assertTrue(csv.contains("\"" + staff + "\",\"Staff\""), csv);
        assertTrue(csv.contains("\"Job viewed\",\"job.viewed\",\"Access\",\"Done\""), csv);

        page.getByTestId("verify-now").click();
        assertThat(page.getByTestId("flash")).containsText("The log is intact");
        assertThat(page.getByTestId("chain-status")).containsText("Intact");
        Browsers.screenshot(page, "audit-log-verified");

        TestLogin.signOut(page, base.toString());
        awaitEvent("auth.signed-out", auditor);
    }

    /** Sign-in events arrive asynchronously: wait for the person's event in the tenant's log. */
    void awaitEvent(String action, String actor) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Object[]> rows = DatabaseOwner.query("select actor_role, client_ip, user_agent from audit_event "
                    + "where tenant_id = ? and action = ? and actor = ?", tenant, action, actor);
            if (!rows.isEmpty()) {
                assertEquals(1, rows.size(), action + " once");
                assertEquals("AUDITOR", rows.get(0)[0]);
                return;
            }
            Thread.sleep(200);
        }
        fail("no " + action + " event for " + actor);
    }
}
