package com.claudioportal.settings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.job.Job;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

/**
 * Times in the reader's zone: the browser's own (portal.js tells the portal), or the one chosen in
 * My settings, named beside every time, with UTC in the tooltip; and the choices' cookies are
 * HttpOnly and SameSite=Lax (Secure only over HTTPS, which these tests do not speak: see LanguageChoiceTest).
 */
@QuarkusTest
class TimeZoneBrowserTest extends BrowserTestBase {

    @Test
    void aJobsTimeFollowsTheBrowsersZoneThenTheOneChosenInMySettings() {
        reopen(new Browser.NewContextOptions().setTimezoneId("America/Toronto").setLocale("en-CA"));
        String tenant = signedInTo("Harbour Clinic", TenantRole.STAFF);
        long job = fixtures.finishedJob(tenant, fixtures.seedProfile(tenant));
        Instant created = fixtures.scope().call(tenant, () -> Job.<Job> findById(job).createdAt);
        String jobPage = base + "t/" + tenant + "/jobs/" + job;

        page.navigate(jobPage);
        page.navigate(jobPage); // the first page told the portal the browser's zone
        assertEquals(shown(created, "America/Toronto"), submitted(page));
        assertTrue(page.locator(".page-head time[title]").getAttribute("title").endsWith(" UTC"));
        assertEquals(created.toString(), Instant.parse(page.locator(".page-head time[title]").getAttribute("datetime")).toString());

        page.navigate(base + "settings");
        assertThat(page.getByTestId("time-zone")).containsText("As my browser says (America/Toronto)");
        page.getByTestId("time-zone").selectOption("Asia/Tokyo");
        page.getByTestId("language-en").check();
        page.getByTestId("save-settings").click();
        assertThat(page.getByTestId("time-zone")).hasValue("Asia/Tokyo");
        page.navigate(jobPage);
        assertEquals(shown(created, "Asia/Tokyo"), submitted(page));
        assertNotEquals(shown(created, "America/Toronto"), submitted(page));
        Browsers.screenshot(page, "time-zone-job-page-tokyo");

        page.navigate(base + "t/" + tenant + "/jobs");
        assertThat(page.locator("main")).containsText("Times are in Asia/Tokyo; point at one to see it in UTC.");

        for (String name : new String[] { "portal-tz", "portal-lang" }) {
            Cookie c = browser.cookies().stream().filter(k -> k.name.equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
            assertTrue(c.httpOnly, name + " is HttpOnly");
            assertEquals(SameSiteAttribute.LAX, c.sameSite, name);
            assertFalse(c.secure, name + " over plain HTTP");
        }
        // back to the browser's zone
        page.navigate(base + "settings");
        page.getByTestId("time-zone").selectOption("");
        page.getByTestId("save-settings").click();
        page.navigate(jobPage);
        assertEquals(shown(created, "America/Toronto"), submitted(page));
    }

    private static String submitted(Page page) {
        return page.locator(".page-head time[title]").first().textContent();
    }

    private static String shown(Instant at, String zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", java.util.Locale.ROOT).withZone(ZoneId.of(zone)).format(at);
    }
}
