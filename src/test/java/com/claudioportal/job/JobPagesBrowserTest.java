package com.claudioportal.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Sql;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Finding jobs (pages both ways, a count, word search) and cancelling one only after a plain question. */
@QuarkusTest
class JobPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    @Inject
    Sql sql;

    String tenant;
    String staff;
    long profile;
    BrowserContext browser;

    @BeforeEach
    void clinic() {
        staff = Fixtures.email("staff");
        tenant = fixtures.tenantWithMember("Maple Clinic", staff, TenantRole.STAFF);
        profile = fixtures.seedProfile(tenant);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void pagesBothWaysCountsAndFindsEveryWordInAnyOrder() {
        // 120 jobs a minute apart, every other one about Mrs. Smith
        sql.update("""
                insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, status,
                                 submitted_by, submitted_by_name, created_at, updated_at, claudio_reference)
                select ?1, gen_random_uuid(),
                       case when n % 2 = 0 then 'IME Smith, Mrs. ' || n else 'Follow-up Tremblay ' || n end,
                       p.id, p.current_version_id, false, 'COMPLETED', ?2, 'Staff', now() - make_interval(mins => n),
                       now() - make_interval(mins => n), 'CLD-' || (1000 + n)
                from generate_series(1, 120) n, profile p where p.id = ?3""", tenant, staff, profile);
        browser = Browsers.newContext();
        Page page = browser.newPage();
        TestLogin.signIn(page, base.toString(), staff);
        page.navigate(base + "t/" + tenant + "/jobs");
        assertThat(page.getByTestId("job-count")).hasText("120 jobs");
        // the browser is in UTC, so there is no other zone to point at
        assertThat(page.locator("main")).containsText("Times are in UTC.");
        assertThat(page.locator("main")).not().containsText("point at one");
        assertThat(page.getByTestId("newer-jobs")).hasCount(0);
        assertThat(page.getByTestId("first-page")).hasCount(0);
        String firstRow = page.locator("tr[data-job]").first().getAttribute("data-job");

        page.getByTestId("older-jobs").click();
        page.getByTestId("older-jobs").click();
        assertThat(page.locator("tr[data-job]")).hasCount(20);
        assertThat(page.getByTestId("older-jobs")).hasCount(0);
        page.getByTestId("newer-jobs").click();
        assertThat(page.locator("tr[data-job]")).hasCount(50);
        assertThat(page.locator("tr[data-job]").first()).containsText("Follow-up Tremblay 51");
        page.getByTestId("first-page").click();
        assertEquals(firstRow, page.locator("tr[data-job]").first().getAttribute("data-job"));
        Browsers.screenshots(page, "job-list-pages");

        // all the words, in any order, any case; a Claudio reference by its start
        page.getByTestId("search").fill("mrs smith");
        page.locator("[data-testid=job-filters] button[type=submit]").click();
        assertThat(page.getByTestId("job-count")).hasText("60 jobs");
        page.getByTestId("search").fill("SMITH 42");
        page.locator("[data-testid=job-filters] button[type=submit]").click();
        assertThat(page.locator("tr[data-job]")).hasCount(1);
        assertThat(page.locator("tr[data-job]")).containsText("IME Smith, Mrs. 42");
        page.getByTestId("search").fill("cld-110");
        page.locator("[data-testid=job-filters] button[type=submit]").click();
        // CLD-1100 to CLD-1109: jobs 100 to 109
        assertThat(page.getByTestId("job-count")).hasText("10 jobs");
        Browsers.screenshot(page, "job-list-search");
    }

    @Test
    void theDashboardsCountsOpenTheJobsTheyCount() {
        fixtures.finishedJob(tenant, profile);
        long old = fixtures.finishedJob(tenant, profile);
        sql.update("update job set created_at = now() - interval '20 days', status = 'COMPLETED' where id = ?1", old);
        browser = Browsers.newContext();
        Page page = browser.newPage();
        TestLogin.signIn(page, base.toString(), staff);
        assertThat(page.getByTestId("completed-week-link")).containsText("1");
        page.getByTestId("completed-week-link").click();
        assertThat(page.getByTestId("job-count")).hasText("1 job");
        assertThat(page.locator("tr[data-job]")).hasCount(1);
    }

    @Test
    void cancellingAsksFirstOnAPageThatNeedsNoJavaScript() {
        long job = fixtures.finishedJob(tenant, profile);
        sql.update("update job set status = 'FAILED', claudio_reference = null, name = 'Dictée de Mme Côté' where id = ?1", job);
        browser = Browsers.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page page = browser.newPage();
        TestLogin.signIn(page, base.toString(), staff);
        page.navigate(base + "t/" + tenant + "/jobs/" + job);

        page.getByTestId("cancel-job").click();
        assertThat(page).hasURL(base + "t/" + tenant + "/jobs/" + job + "/cancel");
        assertThat(page.getByTestId("cancel-confirm")).containsText("Dictée de Mme Côté");
        assertThat(page.getByTestId("cancel-confirm")).containsText("cannot be undone");
        Browsers.screenshots(page, "job-cancel-confirm");
        page.getByTestId("keep-job").click();
        assertThat(page).hasURL(base + "t/" + tenant + "/jobs/" + job);
        assertThat(page.getByTestId("job-status")).hasText("Failed");

        page.getByTestId("cancel-job").click();
        page.getByTestId("confirm-cancel").click();
        assertThat(page.getByTestId("flash")).hasText("The job was cancelled.");
        assertThat(page.getByTestId("job-status")).hasText("Cancelled");
    }
}
