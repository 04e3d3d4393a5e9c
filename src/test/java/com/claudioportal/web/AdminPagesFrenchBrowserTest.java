package com.claudioportal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.claudioportal.infra.Accessibility;
import com.claudioportal.infra.BilingualBrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Routes;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantRoleTest;
import com.claudioportal.tenant.TenantRoleTest.Who;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.infra.WebClient;
import com.claudioportal.tenant.Tenant;
import com.microsoft.playwright.Page;

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
class AdminPagesFrenchBrowserTest extends BilingualBrowserTestBase {

    @Inject
    TenantScope scope;

    AdminPagesFrenchBrowserTest() {
        super("America/Toronto");
    }

    /**
     * Data these pages show alike in both languages: the seed profile's and the fixtures' names and codes, ids,
     * seals, settings' names, and people's e-mail addresses (the platform log also lists other tests' people).
     */
    static final Pattern ADMIN_DATA = Pattern.compile("^(.*_.*|[a-z0-9.:/, -]+|[^\\s@]+@[^\\s@]+|[0-9]+\\t[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]+ [A-Z]+|[A-Z0-9]{8,}"
            + "|[0-9a-f]{16,}|.*https?://.*|[↑↓]|Claudio|Keycloak|JSON|CSV|UTC|Dr\\..*|Personnel|Version [0-9]+|Actions?|Administration"
            + "|Organisation|Type|Date|Total|[0-9]+ ?(ms|ans|years)?|#[0-9]+|.*••••.*|HMAC-SHA-256|AES-256-GCM)$");

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
        pages.put("profile-import-not-json", p -> {
            p.navigate(t + "/profiles");
            p.getByTestId("import-profile").locator("#f-json").fill("Sample Request JSON:\n{ \"profile_id\": 1 }");
            p.getByTestId("import-profile").locator("button[type=submit]").click();
        });
        pages.put("connection-internal-address", p -> {
            p.navigate(t + "/connection");
            p.locator("#f-baseUrl").fill("http://10.0.0.7/claudio");
            p.getByTestId("save-connection").click();
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
        // the importer's diagnostics and the base-URL policy's refusals, written by the Java, in French
        pages.get("profile-import-not-json").accept(french);
        assertThat(french.getByTestId("import-profile")).containsText("Ce n'est pas du JSON : la ligne 1 commence par « Sample Request JSON: ». "
                + "Collez le bloc JSON de l'exemple de Claudio, qui commence par {.");
        pages.get("connection-internal-address").accept(french);
        assertThat(french.locator("[data-field-error=baseUrl]")).containsText("Cette adresse pointe vers le réseau du portail lui-même");
    }

    @Test
    void theAuditorPagesAreInFrench() {
        String auditor = Fixtures.email("auditor");
        String tenant = fixtures.tenantWithMember("Clinique Saint-Laurent", auditor, TenantRole.AUDITOR);
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

    // ---- every page of the route table, in each role that may see it -------------------------------------

    @ParameterizedTest
    @EnumSource(Who.class)
    void everyPageEachRoleSeesIsInFrench(Who who) throws Exception {
        who.signIn().run(() -> assertEveryPageInFrench(who));
    }

    /**
     * Every GET route of TenantRoleTest's table that this role may open, plus the pages behind its
     * redirects and the refusals a form gets, requested in French and in English: a page that answers
     * HTML must say {@code lang="fr"}, show no Qute "not found" marker (a message key the bundles lack)
     * and no line both languages show alike that is not data.
     */
    void assertEveryPageInFrench(Who who) throws Exception {
        TenantRoleTest.Ids ids = TenantRoleTest.world(fixtures, scope);
        ids.path.put("notificationId", ids.notificationOf.getOrDefault(who, ids.notificationOf.get(Who.STAFF)));
        String t = "/t/" + ids.tenant;
        Map<String, String> pages = new LinkedHashMap<>();
        for (TenantRoleTest.Rule rule : TenantRoleTest.TABLE) {
            if (rule.method().equals("GET") && rule.success() == 200 && rule.allowed().contains(who)) {
                pages.put(rule.key(), Routes.expand(rule.path(), ids.path::get));
            }
        }
        boolean staffWork = who == Who.STAFF || who == Who.TENANT_ADMIN;
        if (staffWork) {
            pages.put("the new-job form", t + "/jobs/new?profile=" + ids.path.get("profileId"));
            pages.put("many recordings", t + "/jobs/bulk?profile=" + ids.path.get("profileId"));
        }
        if (who != Who.PLATFORM_ADMIN) {
            pages.put("a job list with filters it cannot read", t + "/jobs?status=nope&from=31/12/2026&profile=x&after=zz");
            pages.put("a page that does not exist", t + "/jobs/999999999");
        }
        if (who == Who.AUDITOR) {
            pages.put("a page the role may not open", t + "/admin/members");
        }
        // data every page may show alike: the clinics' names (the platform lists other tests' too), the
        // fixture mail's stored subject, a recording's length ("00:00:01")
        Set<String> data = new java.util.HashSet<>(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> Tenant.<Tenant> listAll().stream().map(x -> x.name).toList()));
        data.add("A job is ready");
        Map<String, Set<String>> leftovers = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int html = 0;
        for (Map.Entry<String, String> p : pages.entrySet()) {
            io.restassured.response.Response french = io.restassured.RestAssured.given().redirects().follow(false)
                    .header("Accept-Language", "fr-CA").urlEncodingEnabled(false).get(p.getValue());
            io.restassured.response.Response english = io.restassured.RestAssured.given().redirects().follow(false)
                    .header("Accept-Language", "en-CA").urlEncodingEnabled(false).get(p.getValue());
            if (french.contentType() == null || !french.contentType().startsWith("text/html")) {
                continue;
            }
            html++;
            compare(p.getKey(), french, english, data, leftovers, failures);
        }
        if (staffWork) {
            // refusals the Java words: the new-job form with a bad trim, a name too long and no document type
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("submissionKey", java.util.UUID.randomUUID().toString());
            form.put("profileVersionId", String.valueOf(ids.versionId));
            form.put("jobName", "N".repeat(201));
            form.put("isRaw", "0");
            form.put("f.specialist_bio", "b".repeat(20_001));
            form.put("audioId", ids.submitUploadId);
            form.put("audioStart", "1:2");
            form.put("audioEnd", "");
            form.put("priority", "NOW");
            form.put("dueAt", "2020-01-01T09:30");
            io.restassured.response.Response french = posted(t + "/jobs/new", form, "fr-CA", t + "/jobs/new?profile=" + ids.path.get("profileId"));
            io.restassured.response.Response english = posted(t + "/jobs/new", form, "en-CA", t + "/jobs/new?profile=" + ids.path.get("profileId"));
            assertEquals(400, french.statusCode(), french.asString());
            String body = french.asString();
            for (String expected : new String[] { "Enregistrement 1 : écrivez le début sous la forme HH:MM:SS, par exemple 00:01:30.",
                    "Champ 3 (Specialist Bio) : specialist Bio est trop long : 20 001 caractères, au plus 20 000.",
                    "Le nom du travail est trop long : 201 caractères, au plus 200.",
                    "Choisissez l'une des priorités proposées.",
                    "Cette heure est passée. Choisissez une échéance à venir, ou laissez le champ vide." }) {
                // French groups digits with a (narrow) no-break space
                if (!unescape(body).replaceAll("(\\d)[\\u00a0\\u202f](\\d)", "$1 $2").contains(expected)) {
                    failures.add("the refused new-job form does not say: " + expected);
                }
            }
            compare("the refused new-job form", french, english, data, leftovers, failures);
            html++;
        }
        assertEquals(List.of(), failures);
        assertEquals(Map.of(), leftovers, "text the French pages still show in English");
        assertTrue(html >= (who == Who.PLATFORM_ADMIN ? 5 : 8), who + ": " + html + " pages");
    }

    private static io.restassured.response.Response posted(String path, Map<String, Object> form, String language, String pageWithToken) {
        io.restassured.specification.RequestSpecification spec = WebClient.form(pageWithToken)
                .header("Accept-Language", language);
        form.forEach(spec::formParam);
        return spec.post(path);
    }

    private static void compare(String name, io.restassured.response.Response french, io.restassured.response.Response english,
            Set<String> data, Map<String, Set<String>> leftovers, List<String> failures) {
        compare(name, french.statusCode(), french.asString(), english.statusCode(), english.asString(), data, leftovers, failures);
    }

    static void compare(String name, int frStatus, String fr, int enStatus, String en, Set<String> data,
            Map<String, Set<String>> leftovers, List<String> failures) {
        if (frStatus != enStatus) {
            failures.add(name + ": " + frStatus + " in French, " + enStatus + " in English");
        }
        if (fr.contains("NOT_FOUND")) {
            failures.add(name + ": a message key the bundles lack (NOT_FOUND)");
        }
        if (fr.contains("<html") && !fr.contains("<html lang=\"fr\"")) {
            failures.add(name + ": not <html lang=\"fr\">");
        }
        Set<String> same = htmlLines(fr);
        same.retainAll(htmlLines(en));
        // a line of data parts ("Notifications · Roles Clinic · Claudio Portal") is data too
        same.removeIf(line -> java.util.Arrays.stream(line.split(" · ")).allMatch(part -> data.contains(part)
                || FrenchPagesBrowserTest.DATA.matcher(part).matches() || ADMIN_DATA.matcher(part).matches()
                || part.matches("[0-9:]{5,8}")));
        if (!same.isEmpty()) {
            leftovers.put(name, same);
        }
    }

    @Test
    void theComparisonSeesALeftoverAMissingKeyAndAPageNotInFrench() {
        // a positive control: pages as a broken bundle or template would render them
        String english = "<html lang=\"en\"><body><h1>Retention of job content</h1><p>Roles Clinic</p><p>Save</p></body></html>";
        String leftover = "<html lang=\"fr\"><body><h1>Retention of job content</h1><p>Roles Clinic</p><p>Enregistrer</p></body></html>";
        String missingKey = "<html lang=\"fr\"><body><h1>Conservation</h1><p>NOT_FOUND</p></body></html>";
        String notFrench = english;
        Map<String, Set<String>> leftovers = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        compare("leftover", 200, leftover, 200, english, Set.of("Roles Clinic"), leftovers, failures);
        compare("missing key", 200, missingKey, 200, english, Set.of(), leftovers, failures);
        compare("not French", 200, notFrench, 200, english, Set.of(), leftovers, failures);
        assertEquals(Map.of("leftover", Set.of("Retention of job content"), "not French",
                Set.of("Retention of job content", "Roles Clinic", "Save")), leftovers);
        assertEquals(List.of("missing key: a message key the bundles lack (NOT_FOUND)", "not French: not <html lang=\"fr\">"), failures);
    }

    /**
     * A page's text as lines, without a browser: what is between block tags (inline ones joined), and
     * the attributes screen readers and tooltips read; scripts and styles left out.
     */
    static Set<String> htmlLines(String html) {
        Set<String> lines = new java.util.LinkedHashSet<>();
        String h = html.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ").replaceAll("(?s)<!--.*?-->", " ");
        java.util.regex.Matcher attributes = Pattern.compile("(?i)\\s(?:aria-label|title|placeholder)=\"([^\"]*)\"").matcher(h);
        while (attributes.find()) {
            String a = unescape(attributes.group(1)).strip();
            if (!a.isEmpty()) {
                lines.add(a);
            }
        }
        h = h.replaceAll("(?i)</?(a|span|strong|em|b|i|small|code|time|abbr|kbd|mark|sup|sub)(\\s[^>]*)?>", "");
        for (String part : h.split("<[^>]*>")) {
            String text = unescape(part).replaceAll("\\s+", " ").strip();
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines;
    }

    static String unescape(String s) {
        java.util.regex.Matcher m = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
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
            same.removeIf(line -> FrenchPagesBrowserTest.DATA.matcher(line).matches() || ADMIN_DATA.matcher(line).matches());
            if (!same.isEmpty()) {
                leftovers.put(p.getKey(), same);
            }
            Accessibility.assertNoViolations(french);
            Browsers.screenshots(french, prefix + p.getKey());
        }
        return leftovers;
    }
}
