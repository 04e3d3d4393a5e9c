package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.claudioportal.bench.PageTimer.Timing;
import com.claudioportal.bench.PageTimer.Variant;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.infra.DatabaseOwner;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Response time of the job list ({@code GET /t/{tenant}/jobs}, the whole HTML page as staff get
 * it) with 10,000 and then 1,000,000 jobs in the table, all of them the benchmark tenant's (the
 * worst case for that tenant's list). Run with {@code ./bench jobs}; see docs/benchmarks.md.
 *
 * <p>Rows are inserted with one {@code insert ... select ... from generate_series} per step, then
 * {@code vacuum analyze job} (what autovacuum would have done by the time a table is that big).
 * Every variant first gets 100 warm-up requests (in five rounds over all variants), then each gets
 * {@code bench.requests} (default 50) timed ones, round-robin over the variants, one request at a
 * time; the time is from sending the request to having read the whole answer. The query plans, and
 * those of the changes the figures suggest, go to target/bench/job-list-plans.txt.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
@SignedInAs(JobListBenchmark.STAFF)
class JobListBenchmark {

    static final String STAFF = "staff@jobs-bench.test";
    static final int SMALL = 10_000;
    static final int LARGE = 1_000_000;
    static final double TARGET_RATIO = 1.2;
    static final Pattern ROW = Pattern.compile("<tr data-job=\"(\\d+)\"");

    /** Surnames in the generated job names: each is in 1 of 40 names (2.5 %). */
    static final String[] SURNAMES = { "Okafor", "Tremblay", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Haddad", "Oliveira",
            "Murphy", "Lindqvist", "Dubois", "Yamamoto", "Novak", "Fernandez", "Papadopoulos", "Chen", "Singh", "Kim", "Larsen",
            "Moreau", "Jansen", "Ivanova", "Costa", "Bakker", "Horvat", "Walsh", "Nakamura", "Petrov", "Garcia", "Brown",
            "Lefebvre", "Sato", "Kaur", "Mensah", "Kovacs", "Nielsen", "Ahmed", "Silva", "Popescu", "Wright" };

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    String tenant;

    @Test
    void jobListWithTenThousandAndAMillionJobs() throws Exception {
        tenant = fixtures.tenant("Jobs Bench", Fixtures.email("admin"));
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        List<String> submitters = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String email = "doctor" + i + "@jobs-bench.test";
            fixtures.member(tenant, email, TenantRole.STAFF);
            submitters.add(email);
        }
        long profileId = fixtures.seedProfile(tenant);
        long versionId = scope.call(tenant, () -> Profile.<Profile> findById(profileId).currentVersionId);
        int requests = Integer.getInteger("bench.requests", 50);
        String loadBefore = UploadBenchmark.loadAverage();

        long insertSmall = insert(1, SMALL, profileId, versionId, submitters);
        Map<String, Timing> small = measureAll(SMALL, requests);
        long insertLarge = insert(SMALL + 1, LARGE, profileId, versionId, submitters);
        Map<String, Timing> large = measureAll(LARGE, requests);

        String report = report(small, large, requests, insertSmall, insertLarge, loadBefore, UploadBenchmark.loadAverage());
        System.out.println(report);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("job-list-benchmark.txt"), report);
    }

    /** Inserts the jobs numbered {@code from..to} (1 is the newest, one every 47 s back from a fixed time); returns ms. */
    long insert(int from, int to, long profileId, long versionId, List<String> submitters) throws SQLException {
        long started = System.nanoTime();
        String surnames = "array['" + String.join("','", SURNAMES) + "']";
        String emails = "array['" + String.join("','", submitters) + "']";
        String sql = "insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, field_values, status,"
                + " submitted_by, submitted_by_name, created_at, updated_at, claudio_reference, attempts, submitted_at, completed_at)"
                + " select ?, gen_random_uuid(),"
                + " 'IME dictation - ' || (" + surnames + ")[1 + (i * 7) % 40] || ', ' || chr(65 + (i * 11) % 26) || '. (claim '"
                + "   || (100000000 + i) || ')',"
                + " ?, ?, false, '{}',"
                + " case when i <= 40 then 'SUBMITTED' when i % 50 = 7 then 'FAILED' when i % 100 = 13 then 'CANCELLED'"
                + "   when i % 100 = 29 then 'NEEDS_ATTENTION' else 'COMPLETED' end,"
                + " (" + emails + ")[1 + i % 5], 'Doctor ' || (1 + i % 5),"
                + " t.ts, t.ts + interval '25 minutes', 'CLA-' || lpad(i::text, 9, '0'), 1, t.ts + interval '1 minute',"
                + " case when i <= 40 then null else t.ts + interval '25 minutes' end"
                + " from generate_series(?, ?) as g(i),"
                + " lateral (select timestamptz '2026-11-01 12:00:00+00' - i * interval '47 seconds' as ts) as t";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (int start = from; start <= to; start += 100_000) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, tenant);
                    s.setLong(2, profileId);
                    s.setLong(3, versionId);
                    s.setInt(4, start);
                    s.setInt(5, Math.min(to, start + 99_999));
                    s.executeUpdate();
                }
            }
            // as the owner: the application role may not vacuum the tables (PostgreSQL skips them with a warning)
            DatabaseOwner.maintenance("vacuum analyze job");
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    Map<String, Timing> measureAll(int jobs, int requests) throws Exception {
        assertEquals(jobs, count());
        String middle = cursorAt(jobs / 2);
        long middleNext = idAt(jobs / 2 + 1);
        PageTimer pages = new PageTimer(base + "t/" + tenant + "/jobs", ROW);
        List<Variant> variants = List.of(
                new Variant("first page", ""),
                new Variant("deep page (middle, by cursor)", "after=" + middle),
                new Variant("status filter (Failed, 2 %)", "status=FAILED"),
                new Variant("name search, common (2.5 %)", "q=tremblay"),
                new Variant("name search, one match", "q=" + (100_000_000 + 4_242)),
                new Variant("Claudio reference search", "q=" + encode("CLA-000004242")));
        Map<String, Timing> timings = pages.time(variants, 5, 20, requests, String.format("%,d jobs, ", jobs));
        // the cursor page continues right after the row it names, and the page's own link works
        String deep = pages.get("after=" + middle);
        assertEquals(middleNext, firstRow(deep));
        Matcher older = Pattern.compile("href=\"[^\"]*/jobs(\\?after=[^\"]+)\" data-testid=\"older-jobs\"").matcher(deep);
        assertTrue(older.find(), "the deep page links to older jobs");
        assertEquals(50, pages.rows(pages.get(older.group(1).substring(1).replace("&amp;", "&"))));
        plans(jobs, middle);
        return timings;
    }

    static long firstRow(String page) {
        Matcher m = ROW.matcher(page);
        assertTrue(m.find(), "no rows");
        return Long.parseLong(m.group(1));
    }

    long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from job where tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The list's cursor ("epoch micros_id") of the {@code position}th newest job. */
    String cursorAt(int position) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select created_at, id from job where tenant_id = ? order by created_at desc, id desc offset ? limit 1")) {
            s.setString(1, tenant);
            s.setInt(2, position - 1);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Instant at = r.getObject(1, OffsetDateTime.class).toInstant();
                return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000) + "_" + r.getLong(2);
            }
        }
    }

    long idAt(int position) throws SQLException {
        String cursor = cursorAt(position);
        return Long.parseLong(cursor.substring(cursor.indexOf('_') + 1));
    }

    /**
     * For whoever looks into a slow variant: EXPLAIN ANALYZE of the SQL Hibernate generates for
     * JobQuery (the same statement, written out here), written to target/bench/job-list-plans.txt.
     */
    void plans(int jobs, String cursor) throws Exception {
        String select = "select j.id, j.name, p.display_name, j.submitted_by_name, j.submitted_by, j.status, j.created_at,"
                + " j.updated_at, j.claudio_reference from job j, profile p where p.tenant_id = ? and j.tenant_id = ?"
                + " and p.id = j.profile_id";
        String order = " order by j.created_at desc, j.id desc fetch first 51 rows only";
        String selectWithoutJoin = "select j.id, j.name, j.profile_id, j.submitted_by_name, j.submitted_by, j.status, j.created_at,"
                + " j.updated_at, j.claudio_reference from job j where j.tenant_id = ?";
        String[] c = cursor.split("_");
        long micros = Long.parseLong(c[0]);
        java.sql.Timestamp ts = java.sql.Timestamp.from(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
        record Q(String label, String where, Object[] params) {
        }
        List<Q> queries = List.of(
                new Q("first page", "", new Object[0]),
                new Q("deep page", " and (j.created_at < ? or (j.created_at = ? and j.id < ?))", new Object[] { ts, ts, Long.parseLong(c[1]) }),
                new Q("name search, common", " and (lower(j.name) like ? escape '\\' or j.claudio_reference = ?)",
                        new Object[] { "%tremblay%", "tremblay" }),
                new Q("name search, one match", " and (lower(j.name) like ? escape '\\' or j.claudio_reference = ?)",
                        new Object[] { "%100004242%", "100004242" }),
                // what the figures suggest instead (docs/benchmarks.md): a cursor condition the index can start from ...
                new Q("PROPOSED deep page: created_at <= cursor added",
                        " and j.created_at <= ? and (j.created_at < ? or (j.created_at = ? and j.id < ?))",
                        new Object[] { ts, ts, ts, Long.parseLong(c[1]) }),
                // ... and no join with profile (its estimate makes the planner expect ~1/200 of the rows), names from the page's profile list
                new Q("PROPOSED name search, common, without the profile join",
                        " and (lower(j.name) like ? escape '\\' or j.claudio_reference = ?)", new Object[] { "%tremblay%", "tremblay" }),
                new Q("PROPOSED name search, one match, without the profile join",
                        " and (lower(j.name) like ? escape '\\' or j.claudio_reference = ?)", new Object[] { "%100004242%", "100004242" }));
        StringBuilder out = new StringBuilder(String.format("%n===== %,d jobs =====%n", jobs));
        try (Connection conn = dataSource.getConnection()) {
            for (Q q : queries) {
                out.append(String.format("%n--- %s%n", q.label()));
                boolean noJoin = q.label().contains("without the profile join");
                String sql = noJoin ? selectWithoutJoin + q.where() + order : select + q.where() + order;
                try (PreparedStatement s = conn.prepareStatement("explain (analyze, buffers) " + sql)) {
                    int n = 1;
                    s.setString(n++, tenant);
                    if (!noJoin) {
                        s.setString(n++, tenant);
                    }
                    for (Object param : q.params()) {
                        s.setObject(n++, param);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.append(r.getString(1)).append('\n');
                        }
                    }
                }
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("job-list-plans.txt"), out.toString(), jobs == SMALL
                ? new java.nio.file.OpenOption[0]
                : new java.nio.file.OpenOption[] { java.nio.file.StandardOpenOption.APPEND });
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String report(Map<String, Timing> small, Map<String, Timing> large, int requests, long insertSmall, long insertLarge,
            String loadBefore, String loadAfter) {
        StringBuilder s = new StringBuilder();
        s.append("\n=== Job list benchmark: GET /t/{tenant}/jobs (whole HTML page, 50 rows a page) ===\n");
        s.append(MachineLine.of(loadBefore, loadAfter));
        s.append(String.format("%d timed requests per variant (round-robin over the variants) after 100 warm-up requests of each;%n"
                + "all jobs belong to the tenant listed; "
                + "inserting: %,d jobs %.1f s, then %,d more %.1f s (each followed by vacuum analyze)%n%n", requests, SMALL,
                insertSmall / 1000.0, LARGE - SMALL, insertLarge / 1000.0));
        s.append(String.format("%-32s %10s %10s %10s %10s %9s %9s  %s%n", "variant", "10k p50", "10k p95", "1M p50", "1M p95",
                "p50 x", "p95 x", "verdict (1M p50 <= 1.2 x 10k p50)"));
        for (String variant : small.keySet()) {
            Timing a = small.get(variant);
            Timing b = large.get(variant);
            double r50 = b.p50() / a.p50();
            double r95 = b.p95() / a.p95();
            s.append(String.format("%-32s %8.1fms %8.1fms %8.1fms %8.1fms %8.2fx %8.2fx  %s%n", variant, a.p50(), a.p95(), b.p50(),
                    b.p95(), r50, r95, r50 <= TARGET_RATIO ? "met" : "MISSED"));
        }
        s.append("\nrows on the page (10k / 1M): ");
        small.forEach((k, v) -> s.append(k).append(' ').append(v.rows()).append('/').append(large.get(k).rows()).append("; "));
        s.append('\n');
        return s.toString();
    }
}
