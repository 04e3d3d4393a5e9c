package com.claudioportal.job;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Sql;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The job list: keyset pages that neither skip nor repeat, every filter, and what auditors see. */
@QuarkusTest
class JobListTest extends TenantTestBase {

    static final String STAFF = "staff@joblist.test";
    static final String AUDITOR = "auditor@joblist.test";

    @Inject
    JobLifecycle lifecycle;

    @Inject
    Sql sql;

    String tenant;
    long profile;

    @BeforeEach
    void jobs() {
        tenant = fixtures.tenantWithMembers("List Clinic", STAFF, TenantRole.STAFF, AUDITOR, TenantRole.AUDITOR);
        profile = fixtures.seedProfile(tenant);
        // 120 jobs, one a minute back from now; some share a timestamp to test the (time, id) order
        sql.update("""
                insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, status,
                                 submitted_by, submitted_by_name, created_at, updated_at, claudio_reference)
                select ?1, gen_random_uuid(), 'Dictation ' || n, p.id, p.current_version_id, false,
                       case when n % 10 = 0 then 'FAILED' when n % 3 = 0 then 'SUBMITTED' else 'COMPLETED' end,
                       case when n % 2 = 0 then ?2 else 'other@joblist.test' end, 'Person ' || (n % 2),
                       timestamptz '2026-11-20 12:00:00+00' - make_interval(mins => n / 2),
                       timestamptz '2026-11-20 12:00:00+00', 'REF-' || n
                from generate_series(1, 120) n, profile p where p.id = ?3""", tenant, STAFF, profile);
    }

    @Test
    @SignedInAs(STAFF)
    void pagesThroughEveryJobOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String next = "/t/" + tenant + "/jobs";
        int pages = 0;
        while (next != null) {
            String html = page(next);
            seen.addAll(all(JOB_ROW, html));
            names.addAll(all(JOB_NAME, html));
            next = olderLink(html);
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(120, seen.size());
        assertEquals(120, new HashSet<>(seen).size(), "no job on two pages");
        // job n was created n / 2 minutes before noon: newest first, and the later id first within a minute
        List<String> expected = new ArrayList<>();
        for (int minute = 0; minute <= 60; minute++) {
            for (int n = 2 * minute + 1; n >= 2 * minute; n--) {
                if (n >= 1 && n <= 120) {
                    expected.add("Dictation " + n);
                }
            }
        }
        assertEquals(expected, names);
    }

    @Test
    @SignedInAs(STAFF)
    void filtersAndSearch() {
        assertEquals(12, rows("?status=FAILED").size());
        assertEquals(60, count("?mine=true"));
        assertEquals(60, count("?submitter=other@joblist.test"));
        // a Claudio reference matches by its start, in any case: REF-7 and REF-70 to REF-79
        assertEquals(Set.of("Dictation 7", "Dictation 70", "Dictation 71", "Dictation 72", "Dictation 73", "Dictation 74",
                "Dictation 75", "Dictation 76", "Dictation 77", "Dictation 78", "Dictation 79"), new HashSet<>(names("?q=ref-7")));
        assertEquals(List.of("Dictation 70"), names("?q=dictation+REF-70"));
        assertEquals(Set.of("Dictation 17", "Dictation 117"), new HashSet<>(names("?q=17")));
        // every word, in any order, anywhere in the name
        assertEquals(Set.of("Dictation 17", "Dictation 117"), new HashSet<>(names("?q=17++DICTATION")));
        assertEquals(List.of(), names("?q=17+smith"));
        assertEquals(120, count("?profile=" + profile));
        // a profile id the tenant does not have (another tenant's, or none) is a 404, like any foreign id
        given().get("/t/" + tenant + "/jobs?profile=999999").then().statusCode(404);
        // 12:00 minus up to 60 minutes: everything is on the 20th
        assertEquals(120, count("?from=2026-11-20&to=2026-11-20"));
        assertEquals(0, count("?from=2026-11-21"));
        // submitted: multiples of 3 but not of 10; mine: even. Both: multiples of 6 but not of 30
        assertEquals(16, rows("?status=SUBMITTED&mine=true").size());
        given().urlEncodingEnabled(false).get("/t/" + tenant + "/jobs?q=%25").then().statusCode(200)
                .body(containsString("No jobs match these filters"));
        // "Submitted by" offers the people who may submit (staff, tenant admins), never the auditor
        given().get("/t/" + tenant + "/jobs").then().statusCode(200)
                .body(containsString("<option value=\"" + STAFF + "\""))
                .body(not(containsString("<option value=\"" + AUDITOR + "\"")));
    }

    @Test
    @SignedInAs(STAFF)
    void pagesBackWithNewerAndFirstPageAndSaysHowManyMatch() {
        String first = page("/t/" + tenant + "/jobs?status=COMPLETED");
        // 120 jobs: 12 failed (multiples of 10), 36 submitted (of 3 but not 10), 72 completed
        assertEquals("72 jobs", between(first, "data-testid=\"job-count\">", "<"));
        assertEquals(null, link(first, "newer-jobs"));
        assertEquals(null, link(first, "first-page"));
        String second = page(link(first, "older-jobs"));
        String newer = link(second, "newer-jobs");
        assertEquals(all(JOB_ROW, first), all(JOB_ROW, page(newer)), "Newer from page 2 is page 1 again");
        assertEquals(all(JOB_ROW, first), all(JOB_ROW, page(link(second, "first-page"))));
        // every filter survives the links both ways
        assertEquals(true, newer.contains("status=COMPLETED"), newer);
        assertEquals(22, all(JOB_ROW, second).size());
        assertEquals(null, link(second, "older-jobs"));
        // last updated first and soonest due first page the same way
        String byUpdated = page("/t/" + tenant + "/jobs?sort=updated");
        String updatedSecond = page(link(byUpdated, "older-jobs"));
        assertEquals(all(JOB_ROW, byUpdated), all(JOB_ROW, page(link(updatedSecond, "newer-jobs"))));
        assertEquals("about 1,240 jobs", JobQuery.countInWords(1238));
        assertEquals("1 job", JobQuery.countInWords(1));
    }

    private static String link(String html, String testId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]+)\" data-testid=\"" + testId + "\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start) + start.length();
        return html.substring(from, html.indexOf(end, from));
    }

    @Test
    @SignedInAs(AUDITOR)
    void auditorsSeeTheListButNeverFieldValuesOrTranscripts() {
        assertEquals(50, rows("").size());
        long jobId = fixtures.finishedJob(tenant, profile);
        sql.update("update job set field_values = cast(?1 as jsonb) where id = ?2", "{\"specialist_name\":\"Dr. Secret Name\"}", jobId);
        given().get("/t/" + tenant + "/jobs/" + jobId).then().statusCode(200)
                .body(containsString("Fixture job"))
                .body(not(containsString("Dr. Secret Name")))
                .body(not(containsString("report.txt")))
                .body(not(containsString("fixture.wav")));
        given().redirects().follow(false).get("/t/" + tenant + "/jobs/" + jobId + "/transcripts/0").then().statusCode(403);
    }

    @Test
    @SignedInAs(STAFF)
    void staffSeeTheirJobsFieldValues() {
        long jobId = fixtures.finishedJob(tenant, profile);
        sql.update("update job set field_values = cast(?1 as jsonb) where id = ?2", "{\"specialist_name\":\"Dr. Visible Name\"}", jobId);
        // links count as fresh for portal.worker.link-freshness (2 s in tests): on a busy machine the fixture's
        // are older than that by now, and the portal would ask Claudio (there is none here) for new ones first
        fixtures.scope().run(tenant, () -> lifecycle.linksRefreshed(Job.<Job> findById(jobId), new JobResult(
                List.of("https://transcripts.example.test/report.txt"), List.of("https://transcripts.example.test/media.mp3"), List.of(),
                null, java.time.Instant.now().plusSeconds(60))));
        given().get("/t/" + tenant + "/jobs/" + jobId).then().statusCode(200).body(containsString("Dr. Visible Name"));
        Response r = given().redirects().follow(false).get("/t/" + tenant + "/jobs/" + jobId + "/transcripts/0");
        assertEquals(303, r.statusCode());
        assertEquals("https://transcripts.example.test/report.txt", r.header("Location"));
    }

    private List<String> rows(String query) {
        return all(JOB_ROW, page("/t/" + tenant + "/jobs" + query));
    }

    private List<String> names(String query) {
        return all(JOB_NAME, page("/t/" + tenant + "/jobs" + query));
    }

    private int count(String query) {
        int total = 0;
        String next = "/t/" + tenant + "/jobs" + query;
        while (next != null) {
            String html = page(next);
            total += all(JOB_ROW, html).size();
            next = olderLink(html);
        }
        return total;
    }

    static final java.util.regex.Pattern JOB_ROW = java.util.regex.Pattern.compile("<tr data-job=\"(\\d+)\">");
    static final java.util.regex.Pattern JOB_NAME = java.util.regex.Pattern.compile(
            "<tr data-job=\"\\d+\">\\s*<td><a class=\"fw-semibold\" href=\"[^\"]+\">([^<]+)</a>");
    static final java.util.regex.Pattern OLDER = java.util.regex.Pattern.compile("href=\"([^\"]+)\" data-testid=\"older-jobs\"");

    /** Links come from the page already encoded: send them as they are. */
    private static String page(String path) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString();
    }

    private static List<String> all(java.util.regex.Pattern p, String html) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = p.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String olderLink(String html) {
        java.util.regex.Matcher m = OLDER.matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }
}
