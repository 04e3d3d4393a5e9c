package com.claudioportal.job;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.forms.TimeZoneChoice;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The due time is typed on the reader's clock, like every date input: someone in Toronto who types
 * 09:30 means 09:30 in Toronto (14:30 UTC in winter), the form says which zone its input is in and
 * gives the UTC time, and the admin's reschedule input shows the stored time on the same clock.
 */
@QuarkusTest
class DueTimeZoneTest extends TenantTestBase {

    static final String ADMIN = "admin@duezone.test";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    @SignedInAs(ADMIN)
    void theDueTimeIsReadAndShownInTheReadersTimeZone() {
        String tenant = fixtures.tenant("Zone Clinic", ADMIN);
        fixtures.member(tenant, Fixtures.email("staff"), TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);
        long version = fixtures.currentVersion(tenant, profile);
        // a winter day next year: Toronto is UTC-5 then
        LocalDateTime typed = LocalDateTime.of(Instant.now().atZone(ZoneOffset.UTC).getYear() + 1, 1, 15, 9, 30);
        Instant meant = typed.atZone(TORONTO).toInstant();
        String value = JobDue.INPUT.format(typed);

        given().cookie(TimeZoneChoice.CHOSEN, TORONTO.getId()).get("/t/" + tenant + "/jobs/new?profile=" + profile).then().statusCode(200)
                .body(containsString("Due (America/Toronto)")).body(containsString("Times are in America/Toronto."));

        WebClient.Csrf csrf = WebClient.csrf("/t/" + tenant);
        Map<String, Object> form = fixtures.jobForm(tenant, version, "", "Dr. Zone");
        form.put("dueAt", value);
        // sent back (no name): the typed time stays as typed, and the help gives it in UTC
        Response refused = csrf.form().cookie(TimeZoneChoice.CHOSEN, TORONTO.getId()).formParams(form).post("/t/" + tenant + "/jobs/new");
        assertEquals(400, refused.statusCode());
        String utc = JobDue.words(meant);
        refused.then().body(containsString("value=\"" + value + "\"")).body(containsString("In UTC: " + utc + "."));
        assertEquals(value.replace("09:30", "14:30").replace('T', ' ') + " UTC", utc, "Toronto is five hours behind UTC in January");

        form.put("jobName", "Due in Toronto");
        Response saved = csrf.form().cookie(TimeZoneChoice.CHOSEN, TORONTO.getId()).formParams(form).post("/t/" + tenant + "/jobs/new");
        assertEquals(303, saved.statusCode(), saved.asString());
        Job job = scope.call(tenant, () -> Job.<Job> find("name", "Due in Toronto").firstResult());
        assertEquals(meant, job.dueAt);

        // the job page: the time on the reader's clock, the reschedule input too, UTC in its tooltip
        String page = given().cookie(TimeZoneChoice.CHOSEN, TORONTO.getId()).get("/t/" + tenant + "/jobs/" + job.id).then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("id=\"schedule-due\" name=\"dueAt\" type=\"datetime-local\" value=\"" + value + "\""), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("title=\"" + utc + "\""), "UTC in the tooltip");
        // the same job read in UTC: the same moment, another clock
        given().cookie(TimeZoneChoice.CHOSEN, "UTC").get("/t/" + tenant + "/jobs/" + job.id).then().statusCode(200)
                .body(containsString("value=\"" + JobDue.input(meant) + "\""));

        // rescheduling on the reader's clock: 08:00 in Toronto is 13:00 UTC
        Response moved = csrf.form().cookie(TimeZoneChoice.CHOSEN, TORONTO.getId()).formParam("priority", "URGENT")
                .formParam("dueAt", value.replace("09:30", "08:00")).post("/t/" + tenant + "/jobs/" + job.id + "/schedule");
        assertEquals(303, moved.statusCode(), moved.asString());
        Instant rescheduled = scope.call(tenant, () -> Job.<Job> findById(job.id).dueAt);
        assertEquals(meant.minus(90, ChronoUnit.MINUTES), rescheduled);
    }

    @Test
    @SignedInAs(ADMIN)
    void theSuggestedJobNameIsTodayOnTheReadersClockInTheReadersLanguage() {
        String tenant = fixtures.tenant("Name Clinic", ADMIN);
        String path = "/t/" + tenant + "/jobs/new?profile=" + fixtures.seedProfile(tenant);
        // 25 hours apart: at any moment these two zones are on different days
        for (ZoneId zone : List.of(ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"))) {
            String before = day(zone, Locale.CANADA_FRENCH);
            String name = suggestedName(given().cookie(TimeZoneChoice.CHOSEN, zone.getId()).header("Accept-Language", "fr"), path);
            String after = day(zone, Locale.CANADA_FRENCH);
            assertTrue(name.equals("IME with Structura Doc Extraction \u2013 " + before)
                    || name.equals("IME with Structura Doc Extraction \u2013 " + after), zone + ": " + name + ", not " + before);
        }
        String before = day(ZoneOffset.UTC, Locale.ENGLISH);
        String name = suggestedName(given().cookie(TimeZoneChoice.CHOSEN, "UTC"), path);
        assertTrue(name.endsWith(" \u2013 " + before) || name.endsWith(" \u2013 " + day(ZoneOffset.UTC, Locale.ENGLISH)), name);
    }

    /** The job name the new-job form suggests. */
    private static String suggestedName(RequestSpecification request, String path) {
        String page = request.get(path).then().statusCode(200).extract().asString();
        return page.replaceFirst("(?s).*id=\"f-jobName\" name=\"jobName\" value=\"([^\"]*)\".*", "$1");
    }

    /** Today in {@code zone} as a new job's name writes it: "3 déc. 2026", "3 Dec 2026". */
    private static String day(ZoneId zone, Locale language) {
        return LocalDate.now(zone).format(DateTimeFormatter.ofPattern("d MMM yyyy", language));
    }
}
