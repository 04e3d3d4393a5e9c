package com.claudioportal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * French for a browser that asks for it (Claudio is hosted in Canada), English otherwise, and the
 * choice in My settings wins and is remembered; {@code <html lang>} follows, for screen readers.
 */
@QuarkusTest
class LanguageBrowserTest extends BrowserTestBase {

    @Test
    void frenchForAFrenchBrowserUntilThePersonChoosesEnglish() {
        String tenant = fixtures.tenant("Clinique Saint-Laurent", Fixtures.email("admin"));
        Page page = staffOnTheJobList(tenant, "fr-CA");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("h1")).hasText("Travaux");
        assertThat(page.locator("nav[aria-label=Principal]")).containsText("Tableau de bord");
        assertThat(page.getByTestId("job-count")).hasText("0 travail");
        assertThat(page.locator("label[for=q]")).hasText("Rechercher");
        Browsers.screenshots(page, "language-fr-job-list");

        page.navigate(base + "settings");
        assertThat(page.locator("h1")).hasText("Mes préférences");
        assertThat(page.getByTestId("language-browser")).isChecked();
        page.getByTestId("language-en").check();
        page.getByTestId("save-settings").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByTestId("language-en")).isChecked();

        page.navigate(base + "t/" + tenant + "/jobs");
        assertThat(page.locator("h1")).hasText("Jobs");
        assertThat(page.getByTestId("job-count")).hasText("0 jobs");

        // back to the browser's language
        page.navigate(base + "settings");
        page.getByTestId("language-browser").check();
        page.getByTestId("save-settings").click();
        page.navigate(base + "t/" + tenant + "/jobs");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }

    @Test
    void englishWhenTheBrowserAsksForALanguageThePortalDoesNotSpeak() {
        Page page = staffOnTheJobList(fixtures.tenant("Harbour IME", Fixtures.email("admin")), "de-DE");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Jobs");
    }

    /** A new staff member of {@code tenant}, signed in with a browser that asks for {@code locale}, on the job list. */
    private Page staffOnTheJobList(String tenant, String locale) {
        String staff = Fixtures.email("staff");
        fixtures.member(tenant, staff, TenantRole.STAFF);
        reopen(new Browser.NewContextOptions().setLocale(locale));
        signIn(staff);
        page.navigate(base + "t/" + tenant + "/jobs");
        return page;
    }
}
