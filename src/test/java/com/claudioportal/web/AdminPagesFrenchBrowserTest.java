package com.claudioportal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Accessibility;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tenant admin's, the auditor's and the platform admin's pages — and their forms refused with
 * errors, whose messages the Java writes — walked by a French (fr-CA) and an English browser as the
 * same person, the way {@link FrenchPagesBrowserTest} walks the staff pages: {@code lang="fr"}, and
 * no line shown alike in both languages unless it is data (names, codes, addresses, dates). A key
 * missing from a bundle fails the build; a page left in English fails here. axe checks every page;
 * screenshots french-admin-*, french-audit-*, french-platform-* at 1366, 768 and 375 px.
 */
@QuarkusTest
class AdminPagesFrenchBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    final List<BrowserContext> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(BrowserContext::close);
    }

    /**
     * Data these pages show alike in both languages: the seed profile's and the fixtures' names and codes, ids,
     * seals, settings' names, and people's e-mail addresses (the platform log also lists other tests' people).
     */
    static final Pattern ADMIN_DATA = Pattern.compile("^(.*_.*|[a-z0-9.:/, -]+|[^\\s@]+@[^\\s@]+|[0-9]+\\t[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]+ [A-Z]+|[A-Z0-9]{8,}"
            + "|[0-9a-f]{16,}|.*https?://.*|[↑↓]|Claudio|Keycloak|JSON|CSV|UTC|Dr\\..*|Personnel|Version [0-9]+|Actions?|Administration"
            + "|Organisation|Type|Date|Total|[0-9]+ ?(ms|ans|years)?|#[0-9]+|.*••••.*|HMAC-SHA-256|AES-256-GCM)$");

    /**
     * English the pages still show, named so a new one fails: an audit event's target kind (a code of the
     * log, as in the CSV export) and the labels of its details (audit.ReadableDetails, shared with the export).
     */
    static final String DETAIL = "(Via|Role|Name|First tenant admin|Organization|Mode|Intact|Events|Worked|Outcome|Unsaved|How|Up to event): [^;]*";
    static final Pattern KNOWN_ENGLISH = Pattern.compile("^((person|tenant|job|member|profile|preset|connection|webhook|audit-log|encryption|upload|mail): .*"
            + "|First tenant admin|Via|Role|Name|Organization|Mode|Intact|Events|Worked|Outcome|Unsaved|How|Up to event"
            + "|identity provider|Staff|Tenant admin|Auditor|yes|no|every event|new events"
            + "|" + DETAIL + "(; " + DETAIL + ")*)$");

    @Test
    void theTenantAdminPagesAreInFrench() {
        String admin = Fixtures.email("admin");
        String tenant = fixtures.tenant("Clinique Saint-Laurent", admin);
        fixtures.member(tenant, Fixtures.email("staff"), TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);
        long preset = fixtures.preset(tenant, "Dr. Tremblay", Map.of("specialist_name", "Dre Tremblay"));
        String t = base + "t/" + tenant + "/admin";

        Map<String, Consumer<Page>> pages = new LinkedHashMap<>();
        pages.put("connection", p -> p.navigate(t + "/connection"));
        pages.put("connection-errors", p -> {
            p.navigate(t + "/connection");
            p.locator("#f-baseUrl").fill("");
            p.locator("#f-apiKey").fill("only-a-key");
            p.getByTestId("save-connection").click();
        });
        pages.put("profiles", p -> p.navigate(t + "/profiles"));
        pages.put("profile-import-errors", p -> {
            p.navigate(t + "/profiles");
            p.getByTestId("import-profile").locator("button[type=submit]").click();
        });
        pages.put("profile", p -> p.navigate(t + "/profiles/" + profile));
        pages.put("profile-errors", p -> {
            p.navigate(t + "/profiles/new");
            p.getByTestId("add-field").click();
            p.getByTestId("save-profile").click();
        });
        pages.put("presets", p -> p.navigate(t + "/presets"));
        pages.put("preset", p -> p.navigate(t + "/presets/" + preset));
        pages.put("preset-errors", p -> {
            p.navigate(t + "/presets/new");
            p.getByTestId("preset-form").locator("button[value=save]:not(.visually-hidden)").click();
        });
        pages.put("members", p -> p.navigate(t + "/members"));
        pages.put("members-errors", p -> {
            p.navigate(t + "/members");
            p.locator("#f-email").fill("not an address");
            p.getByTestId("add-member").locator("button[type=submit]").click();
        });
        pages.put("member-added", p -> {
            p.navigate(t + "/members");
            p.locator("#f-email").fill(Fixtures.email("new"));
            p.getByTestId("add-member").locator("button[type=submit]").click();
        });
        Page french = signedIn(admin, "fr-CA");
        Page english = signedIn(admin, "en-CA");
        assertEquals(Map.of(), walk("french-admin-", pages, french, english), "text the French pages still show in English");

        french.navigate(t + "/connection");
        assertThat(french.locator("h1")).hasText("Connexion à Claudio");
        assertThat(french.getByTestId("test-connection")).hasText("Tester la connexion");
        pages.get("members-errors").accept(french);
        assertThat(french.locator("#f-email-error")).hasText("Saisissez une adresse courriel valide, comme nom@clinique.org.");
        pages.get("preset-errors").accept(french);
        assertThat(french.locator("#f-name-error")).containsText("Donnez au préréglage un nom");
    }

    @Test
    void theAuditorPagesAreInFrench() {
        String auditor = Fixtures.email("auditor");
        String tenant = fixtures.tenant("Clinique Saint-Laurent", Fixtures.email("admin"));
        fixtures.member(tenant, auditor, TenantRole.AUDITOR);
        String log = base + "t/" + tenant + "/audit";
        Map<String, Consumer<Page>> pages = new LinkedHashMap<>();
        pages.put("log", p -> p.navigate(log));
        pages.put("log-errors", p -> p.navigate(log + "?from=31/12/2026&group=nothing"));
        pages.put("verified", p -> {
            p.navigate(log);
            p.getByTestId("verify-now").click();
        });
        pages.put("event", p -> {
            p.navigate(log);
            p.getByTestId("audit-events").locator("tbody tr a").last().click();
        });
        Page french = signedIn(auditor, "fr-CA");
        Page english = signedIn(auditor, "en-CA");
        assertEquals(Map.of(), walk("french-audit-", pages, french, english), "text the French pages still show in English");

        french.navigate(log);
        assertThat(french.locator("h1")).hasText("Journal d'audit de Clinique Saint-Laurent");
        assertThat(french.getByTestId("audit-events")).containsText("Connexion");
        pages.get("log-errors").accept(french);
        assertThat(french.locator("#f-from-error")).hasText("Saisissez la date sous la forme AAAA-MM-JJ, par exemple 2026-03-31.");
    }

    @Test
    void thePlatformPagesAreInFrench() {
        String operator = Fixtures.email("operator");
        String tenant = fixtures.tenant("Clinique Saint-Laurent", Fixtures.email("admin"));
        Map<String, Consumer<Page>> pages = new LinkedHashMap<>();
        pages.put("tenants", p -> p.navigate(base + "platform/tenants"));
        pages.put("tenants-errors", p -> {
            p.navigate(base + "platform/tenants");
            p.getByTestId("create-tenant").locator("button[type=submit]").click();
        });
        pages.put("tenant", p -> p.navigate(base + "platform/tenants/" + tenant));
        pages.put("encryption", p -> p.navigate(base + "platform/encryption"));
        pages.put("audit-logs", p -> p.navigate(base + "platform/audit"));
        pages.put("platform-log", p -> p.navigate(base + "platform/audit/platform"));
        Page french = signedIn(operator, "fr-CA", CurrentUser.PLATFORM_ADMIN_ROLE);
        Page english = signedIn(operator, "en-CA", CurrentUser.PLATFORM_ADMIN_ROLE);
        assertEquals(Map.of(), walk("french-platform-", pages, french, english), "text the French pages still show in English");

        pages.get("tenants-errors").accept(french);
        assertThat(french.locator("#f-name-error")).hasText("Saisissez le nom de la clinique.");
        french.navigate(base + "platform/audit/platform");
        assertThat(french.locator("h1")).hasText("Journal d'audit de la plateforme");
    }

    /** Opens each page in both browsers; returns, per page, the lines both show alike that are not data. */
    Map<String, Set<String>> walk(String prefix, Map<String, Consumer<Page>> pages, Page french, Page english) {
        Map<String, Set<String>> leftovers = new LinkedHashMap<>();
        for (Map.Entry<String, Consumer<Page>> p : pages.entrySet()) {
            p.getValue().accept(french);
            p.getValue().accept(english);
            assertThat(french.locator("html")).hasAttribute("lang", "fr");
            assertThat(english.locator("html")).hasAttribute("lang", "en");
            Set<String> same = FrenchPagesBrowserTest.lines(french);
            same.retainAll(FrenchPagesBrowserTest.lines(english));
            same.removeIf(line -> FrenchPagesBrowserTest.DATA.matcher(line).matches() || ADMIN_DATA.matcher(line).matches()
                    || KNOWN_ENGLISH.matcher(line).matches());
            if (!same.isEmpty()) {
                leftovers.put(p.getKey(), same);
            }
            Accessibility.assertNoViolations(french);
            Browsers.screenshots(french, prefix + p.getKey());
        }
        return leftovers;
    }

    private Page signedIn(String email, String locale, String... roles) {
        BrowserContext browser = Browsers.newContext(new Browser.NewContextOptions().setLocale(locale).setTimezoneId("America/Toronto"));
        browsers.add(browser);
        Page page = browser.newPage();
        TestLogin.signIn(page, base.toString(), email, roles);
        return page;
    }
}
