package com.claudioportal.turnaround;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobState;
import com.claudioportal.profile.Profile;
import com.claudioportal.settings.LanguageChoice;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Turnaround at a glance from seeded history: the figures are the ones the history gives (median
 * and 90th percentile, outcomes per day, late jobs), each chart's data table holds exactly what its
 * SVG draws, another tenant's jobs never count, both languages, and a 375 px screen.
 */
@QuarkusTest
class TurnaroundTest extends TenantTestBase {

    static final String ADMIN = "admin@turnaround.test";
    static final String AUDITOR = "auditor@turnaround.test";
    static final String STAFF = "staff@turnaround.test";

    /** A mark of the SVG or a cell of the table: series, label, value. */
    static final Pattern MARK = Pattern.compile("<(?:circle|rect) class=\"[^\"]+\"[^>]* data-series=\"([^\"]+)\" data-label=\"([^\"]+)\" data-value=\"([^\"]+)\"");
    static final Pattern CELL = Pattern.compile("<td data-series=\"([^\"]+)\" data-label=\"([^\"]+)\">([^<]*)</td>");

    @TestHTTPResource("/")
    URL base;

    String tenant;
    long profile;
    String other;
    long otherProfile;
    /** Monday of last week (UTC): the seeded history lives in it. */
    LocalDate week;

    @BeforeEach
    void history() {
        tenant = fixtures.tenantWithMembers("Maple Clinic", ADMIN, TenantRole.TENANT_ADMIN, AUDITOR, TenantRole.AUDITOR);
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        profile = fixtures.seedProfile(tenant);
        other = fixtures.tenant("Harbour IME", Fixtures.email("admin"));
        otherProfile = fixtures.seedProfile(other);

        week = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        Instant tuesday8 = week.plusDays(1).atTime(8, 0).toInstant(ZoneOffset.UTC);
        // ten transcripts on Tuesday, taking 1..10 hours: median 5.5 h, 90th percentile 9.1 h;
        // the 10-hour one was due after 6 hours (late), the 1-hour one too (on time)
        for (int hours = 1; hours <= 10; hours++) {
            insert(tenant, profile, "COMPLETED", tuesday8, tuesday8.plus(hours, ChronoUnit.HOURS),
                    hours == 1 || hours == 10 ? tuesday8.plus(6, ChronoUnit.HOURS) : null);
        }
        insert(tenant, profile, "FAILED", tuesday8, null, null);
        insert(tenant, profile, "FAILED", tuesday8, null, null);
        // still open, due on Wednesday: late
        insert(tenant, profile, "NEEDS_ATTENTION", tuesday8, null, week.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
        // the other tenant: slow, many, late; none of it may show in Maple Clinic's charts
        for (int i = 0; i < 5; i++) {
            insert(other, otherProfile, "COMPLETED", tuesday8, tuesday8.plus(100, ChronoUnit.HOURS), tuesday8.plusSeconds(60));
        }
    }

    @Test
    @SignedInAs(ADMIN)
    void figuresComeFromTheHistoryAndEveryTableMatchesItsChart() {
        String html = page(given());
        String weekLabel = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(week);
        String dayLabel = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(week.plusDays(1));

        Map<String, String> turnaround = marks(chart(html, "turnaround-" + profile));
        assertEquals("5.5", turnaround.get("median|" + weekLabel), turnaround.toString());
        assertEquals("9.1", turnaround.get("p90|" + weekLabel), turnaround.toString());
        assertEquals(2, turnaround.size(), "one week has transcripts, so one dot per series: " + turnaround);

        Map<String, String> perDay = marks(chart(html, "jobs-per-day"));
        assertEquals("10", perDay.get("completed|" + dayLabel));
        assertEquals("2", perDay.get("failed|" + dayLabel));
        assertEquals("0", perDay.get("cancelled|" + dayLabel));
        assertEquals("1", perDay.get("open|" + dayLabel));
        assertEquals(4 * 28, perDay.size(), "28 days, four outcomes each");
        assertEquals(13, perDay.values().stream().mapToInt(Integer::parseInt).sum(), "every seeded job once, the other tenant's none");

        Map<String, String> late = marks(chart(html, "late-per-week"));
        assertEquals("2", late.get("late|" + weekLabel), late.toString());
        assertEquals(2, late.values().stream().mapToInt(Integer::parseInt).sum());

        for (String id : List.of("turnaround-" + profile, "jobs-per-day", "late-per-week")) {
            String chart = chart(html, id);
            Map<String, String> cells = cells(chart);
            Map<String, String> drawn = marks(chart);
            cells.values().removeIf("\u2014"::equals); // a week without transcripts: a dash, no dot
            assertEquals(cells, drawn, id + ": the table holds exactly what the chart draws");
            assertTrue(chart.contains("<title id=\"" + id + "-title\">"), id + " has a title");
            assertTrue(chart.contains("<desc id=\"" + id + "-desc\">"), id + " has a description");
            assertTrue(chart.contains("aria-labelledby=\"" + id + "-title\" aria-describedby=\"" + id + "-desc\""), id);
        }
        assertFalse(html.contains("turnaround-" + otherProfile), "the other tenant's profile has no chart here");
        assertFalse(html.contains("Jeanne"), "no job names on the page");
    }

    @Test
    @SignedInAs(AUDITOR)
    void auditorsReadItInFrenchFromTheirBrowsersLanguage() {
        String html = page(given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"));
        assertTrue(html.contains("<html lang=\"fr\">"), "the page says it is French");
        assertTrue(html.contains("Délais"), html);
        String weekLabel = DateTimeFormatter.ofPattern("d MMM", Locale.CANADA_FRENCH).format(week);
        Map<String, String> turnaround = marks(chart(html, "turnaround-" + profile));
        assertEquals("5,5", turnaround.get("median|" + weekLabel), turnaround.toString());
        assertEquals("9,1", turnaround.get("p90|" + weekLabel));
        assertTrue(html.contains("Axe vertical : heures ; axe horizontal : semaine du. Les chiffres figurent dans le tableau des données sous le graphique.</desc>"),
                "the description says what the axes show, in French");
    }

    @Test
    @SignedInAs(AUDITOR)
    void theLanguageChosenInMySettingsWinsOverTheBrowsers() {
        // no switch of the page's own: as on every page, the person's choice (LanguageChoice's cookie), else the browser's
        String english = page(given().cookie(LanguageChoice.COOKIE, "en").header("Accept-Language", "fr"));
        assertTrue(english.contains("<html lang=\"en\">"), "the choice wins over the browser's French");
        assertTrue(english.contains("Turnaround per week"), english);
        assertTrue(english.contains("Vertical axis: jobs; horizontal axis: day. The figures are in the data table below the chart.</desc>"), english);
        String englishWeek = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(week);
        assertEquals("5.5", marks(chart(english, "turnaround-" + profile)).get("median|" + englishWeek));
        // the page's old switch no longer overrides the person's choice
        String asked = given().cookie(LanguageChoice.COOKIE, "en").get("/t/" + tenant + "/turnaround?lang=fr").then().statusCode(200)
                .extract().asString();
        assertTrue(asked.contains("<html lang=\"en\">") && asked.contains("Turnaround per week"), "?lang=fr is ignored");

        String french = page(given().cookie(LanguageChoice.COOKIE, "fr").header("Accept-Language", "en"));
        assertTrue(french.contains("<html lang=\"fr\">"), "the choice wins over the browser's English");
        assertTrue(french.contains("Délai par semaine"), french);
        String frenchWeek = DateTimeFormatter.ofPattern("d MMM", Locale.CANADA_FRENCH).format(week);
        assertEquals("5,5", marks(chart(french, "turnaround-" + profile)).get("median|" + frenchWeek));
    }

    @Test
    @SignedInAs(STAFF)
    void staffHaveNoTurnaroundPage() {
        given().get("/t/" + tenant + "/turnaround").then().statusCode(403);
    }

    @Test
    void onA375PixelScreenTheChartsFitAndTheTablesOpen() {
        BrowserContext context = Browsers.newContext();
        try {
            Page page = context.newPage();
            page.setViewportSize(375, 812);
            TestLogin.signIn(page, base.toString(), AUDITOR);
            page.navigate(base + "t/" + tenant + "/turnaround");
            assertThat(page.getByTestId("turnaround-title")).hasText("Turnaround");
            assertEquals(3, page.locator("svg.chart").count());
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling at 375 px");
            double svgWidth = page.locator("svg.chart").first().boundingBox().width;
            assertTrue(svgWidth <= 375 && svgWidth > 300, "the chart takes the screen's width: " + svgWidth);
            assertFalse(page.locator("svg.chart text.tick-minor").first().isVisible(), "every second date is hidden on a phone");
            page.locator("#jobs-per-day summary").click();
            assertThat(page.locator("#jobs-per-day table")).isVisible();
            Browsers.screenshot(page, "turnaround-375px");
        } finally {
            context.close();
        }
    }

    private String page(RequestSpecification request) {
        return request.get("/t/" + tenant + "/turnaround").then().statusCode(200).extract().asString();
    }

    private static String chart(String html, String id) {
        int start = html.indexOf("<figure class=\"chart-figure mb-4\" id=\"" + id + "\"");
        assertTrue(start >= 0, "no chart " + id);
        return html.substring(start, html.indexOf("</figure>", start));
    }

    private static Map<String, String> marks(String chart) {
        return collect(MARK.matcher(chart));
    }

    private static Map<String, String> cells(String chart) {
        return collect(CELL.matcher(chart));
    }

    private static Map<String, String> collect(Matcher m) {
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(1) + "|" + m.group(2), m.group(3));
        }
        return out;
    }

    /** A job as it is stored (not through the lifecycle: history from last week); the worker leaves it alone. */
    private void insert(String tenantId, long profileId, String status, Instant created, Instant completed, Instant due) {
        scope.run(tenantId, () -> {
            Job job = new Job();
            job.submissionKey = UUID.randomUUID();
            job.name = "Dictation for Jeanne Dubé";
            job.profileId = profileId;
            job.profileVersionId = Profile.<Profile> findById(profileId).currentVersionId;
            job.status = JobState.valueOf(status);
            job.submittedBy = STAFF;
            job.claudioReference = "REF-" + job.submissionKey;
            job.createdAt = created;
            job.updatedAt = created;
            job.completedAt = completed;
            job.dueAt = due;
            job.nextAttemptAt = null;
            job.persist();
        });
    }
}
