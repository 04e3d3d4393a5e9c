package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditBench;
import com.claudioportal.bench.PageTimer.Timing;
import com.claudioportal.bench.PageTimer.Variant;
import com.claudioportal.audit.AuditVerifier;
import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.tenant.TenantRole;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The audit page ({@code GET /t/{tenant}/audit}, the whole HTML page with its chart, as an auditor
 * gets it) with 10 million events in the tenant's chain, for each filter and paging variant; and
 * verification of a correctly signed chain of a million events, fully and incrementally. Run with
 * {@code ./bench audit}; see docs/benchmarks.md.
 *
 * <p>The 10 M page events are inserted by SQL ({@code generate_series}, in steps of a million,
 * then {@code vacuum analyze}), spread over six years up to now, with a realistic mix of people,
 * actions, jobs and outcomes; their MACs are not real (the page does not check them). The
 * verification chain is signed in Java with the test key and loaded with COPY. Smaller and
 * verification only: {@code ./bench audit -Dbench.audit.events=2000000 -Dbench.audit.verify-events=200000
 * -Dbench.audit.pages=false} (the page events stay, as the busier tenant beside the verified chain).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
@SignedInAs(AuditBenchmark.AUDITOR)
class AuditBenchmark {

    static final String AUDITOR = "auditor@audit-bench.test";
    static final Pattern ROW = Pattern.compile("<tr data-seq=\"(\\d+)\"");

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditBench bench;

    @TestHTTPResource("/")
    URL base;

    String tenant;

    @Test
    void auditPageWithTenMillionEventsAndVerificationPerMillion() throws Exception {
        int events = Integer.getInteger("bench.audit.events", 10_000_000);
        int verifyEvents = Integer.getInteger("bench.audit.verify-events", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 50);
        // false: verification only; the page events are still loaded, as the busy tenant beside the verified chain
        boolean timePages = Boolean.parseBoolean(System.getProperty("bench.audit.pages", "true"));
        String loadBefore = UploadBenchmark.loadAverage();

        tenant = fixtures.tenant("Audit Bench", Fixtures.email("admin"));
        fixtures.member(tenant, AUDITOR, TenantRole.AUDITOR);
        String chain = fixtures.tenant("Audit Verify Bench", Fixtures.email("admin"));
        // bulk load without the filter indexes, then build them once, as a restore would
        List<String> indexes = DatabaseOwner.query("select indexname, indexdef from pg_indexes where tablename = 'audit_event' "
                + "and indexname not like '%pkey' and indexname not like '%seq_key'").stream().map(r -> (String) r[1]).toList();
        for (Object[] r : DatabaseOwner.query("select indexname from pg_indexes where tablename = 'audit_event' "
                + "and indexname not like '%pkey' and indexname not like '%seq_key'")) {
            DatabaseOwner.execute("drop index " + r[0]);
        }
        long insertMillis = insertPageEvents(events);
        long loadMillis = bench.copySigned(chain, verifyEvents, Instant.now().minus(365, ChronoUnit.DAYS));
        long indexStarted = System.nanoTime();
        for (String definition : indexes) {
            DatabaseOwner.execute(definition);
        }
        DatabaseOwner.maintenance("vacuum analyze audit_event");
        long indexMillis = (System.nanoTime() - indexStarted) / 1_000_000;
        Map<String, Timing> pages = timePages ? measurePages(events, requests) : Map.of();

        AuditVerifier.Checkpoint full = verifier.verify(chain, AuditVerifier.Mode.FULL, "benchmark").orElseThrow();
        assertTrue(full.intact(), full.problem());
        AuditVerifier.Checkpoint full2 = verifier.verify(chain, AuditVerifier.Mode.FULL, "benchmark").orElseThrow();
        bench.append(chain, 1_000);
        AuditVerifier.Checkpoint incremental = verifier.verify(chain, AuditVerifier.Mode.INCREMENTAL, "benchmark").orElseThrow();
        assertTrue(incremental.intact(), incremental.problem());
        assertTrue(incremental.events() <= 1_001, "incremental from the checkpoint: " + incremental.events());

        String report = report(events, requests, insertMillis, indexMillis, indexes.size(), pages, verifyEvents, loadMillis, full, full2,
                incremental, loadBefore, UploadBenchmark.loadAverage());
        System.out.println(report);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("audit-benchmark.txt"), report);
    }

    /** 10 M events over six years up to now: people, actions, jobs and outcomes in a clinic's proportions. */
    long insertPageEvents(int events) throws Exception {
        long started = System.nanoTime();
        String sql = """
                insert into audit_event (tenant_id, seq, occurred_at, actor, actor_subject, actor_role, action, action_group, outcome,
                    target_type, target_id, client_ip, user_agent, request_id, details, prev_mac, mac, key_id)
                select ?, s, t.ts, p.actor, p.actor, p.role, a.action, a.grp,
                       case when a.action = 'access.denied' then 'DENIED' when s % 100 = 7 then 'FAILURE' else 'SUCCESS' end,
                       case when a.grp in ('ACCESS', 'JOBS') then 'job' when a.action = 'access.denied' then 'page' else 'member' end,
                       case when a.grp in ('ACCESS', 'JOBS') then (1 + (s * 7919) % 500000)::text
                            when a.action = 'access.denied' then '/t/bench/admin/members' else p.actor end,
                       '10.1.' || (s % 250) || '.' || (s % 199), 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 benchmark',
                       lpad(to_hex(s), 16, '0'),
                       case when a.grp = 'JOBS' then '{"recordings":' || (1 + s % 4) || ',"documents":' || (s % 3) || '}' else '{}' end,
                       md5(s::text) || md5((s - 1)::text), md5((s + 1)::text) || md5(s::text), 'test1'
                from generate_series(?, ?) as g(s),
                lateral (select now() - interval '6 years' + (s::double precision / ?) * interval '6 years' - interval '1 minute' as ts) t,
                lateral (select 'person' || ((s * 31) % 50) || '@audit-bench.test' as actor,
                                case when (s * 31) % 50 < 35 then 'STAFF' when (s * 31) % 50 < 45 then 'TENANT_ADMIN' else 'AUDITOR' end as role) p,
                lateral (select (array['job.viewed','job.viewed','job.viewed','job.viewed','job.viewed','job.viewed','job.viewed',
                                       'job.viewed','job.viewed','job.submitted','job.submitted','webhook.received','webhook.received',
                                       'webhook.received','upload.received','upload.received','auth.signed-in','member.role-changed',
                                       'access.denied','audit.viewed'])[1 + s % 20] as action) a0,
                lateral (select a0.action, case when a0.action in ('job.viewed', 'audit.viewed') then 'ACCESS'
                                                when a0.action in ('auth.signed-in', 'access.denied') then 'SECURITY'
                                                when a0.action = 'member.role-changed' then 'CHANGES' else 'JOBS' end as grp) a
                """;
        // the tenant's own first events (tenant.created, member.added) come first; the generated ones follow
        long first;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select coalesce(max(seq), 0) from audit_event where tenant_id = '" + tenant + "'")) {
            r.next();
            first = r.getLong(1) + 1;
        }
        bench.shiftExistingBefore(tenant, Instant.now().minus(6 * 366, ChronoUnit.DAYS));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (long start = first; start < first + events; start += 1_000_000) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, tenant);
                    s.setLong(2, start);
                    s.setLong(3, Math.min(first + events - 1, start + 999_999));
                    s.setDouble(4, first + events);
                    s.executeUpdate();
                }
                System.out.printf("  %,d events inserted%n", Math.min(events, start - first + 1_000_000));
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    Map<String, Timing> measurePages(int events, int requests) throws Exception {
        long head = seqAt("order by seq desc");
        long middle = head / 2;
        String year3 = Instant.now().minus(3 * 365, ChronoUnit.DAYS).toString().substring(0, 10);
        String year3end = Instant.now().minus(3 * 365 - 6, ChronoUnit.DAYS).toString().substring(0, 10);
        PageTimer pages = new PageTimer(base + "t/" + tenant + "/audit", ROW);
        List<Variant> variants = List.of(
                new Variant("first page", ""),
                new Variant("deep page (middle, by cursor)", "before=" + middle),
                new Variant("one job (about 20 events)", "job=" + 123_457),
                new Variant("one person (2 %)", "actor=person7%40audit-bench.test"),
                new Variant("security events (10 %)", "group=SECURITY"),
                new Variant("refused access (5 %)", "outcome=DENIED"),
                new Variant("one week, three years ago", "from=" + year3 + "&to=" + year3end),
                new Variant("one person, access, deep", "actor=person7%40audit-bench.test&group=ACCESS&before=" + middle),
                new Variant("last page", "before=60"));
        Map<String, Timing> timings = pages.time(variants, 3, 10, requests, "");
        // paging is exact at this size too: the deep page starts right below its cursor
        Matcher m = ROW.matcher(pages.get("before=" + middle));
        assertTrue(m.find());
        assertEquals(middle - 1, Long.parseLong(m.group(1)));
        assertTrue(timings.get("first page").rows() == 50);
        plans(middle);
        return timings;
    }

    long seqAt(String order) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select seq from audit_event where tenant_id = ? " + order + " limit 1")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** EXPLAIN ANALYZE of the page's statements, for whoever looks into a slow variant: target/bench/audit-plans.txt. */
    void plans(long middle) throws Exception {
        List<String[]> queries = new ArrayList<>();
        queries.add(new String[] { "first page", "select * from audit_event where tenant_id = ? order by seq desc limit 50" });
        queries.add(new String[] { "deep page", "select * from audit_event where tenant_id = ? and seq < " + middle
                + " order by seq desc limit 50" });
        queries.add(new String[] { "one job", "select * from audit_event where tenant_id = ? and target_type = 'job' and target_id = '123457'"
                + " order by seq desc limit 50" });
        queries.add(new String[] { "refused access", "select * from audit_event where tenant_id = ? and outcome = 'DENIED'"
                + " order by seq desc limit 50" });
        queries.add(new String[] { "chart (30 days)", "select cast(occurred_at at time zone 'UTC' as date), action_group, count(*)"
                + " from audit_event where tenant_id = ? and occurred_at >= now() - interval '30 days' group by 1, 2" });
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String[] q : queries) {
                out.append("\n--- ").append(q[0]).append('\n');
                try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + q[1])) {
                    s.setString(1, tenant);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.append(r.getString(1)).append('\n');
                        }
                    }
                }
            }
        }
        Files.writeString(Files.createDirectories(Path.of("target", "bench")).resolve("audit-plans.txt"), out.toString());
    }

    static String report(int events, int requests, long insertMillis, long indexMillis, int indexes, Map<String, Timing> pages,
            int verifyEvents, long loadMillis,
            AuditVerifier.Checkpoint full, AuditVerifier.Checkpoint full2, AuditVerifier.Checkpoint incremental, String loadBefore,
            String loadAfter) {
        StringBuilder s = new StringBuilder();
        s.append("\n=== Audit benchmark: GET /t/{tenant}/audit (whole HTML page with chart, 50 rows) and verification ===\n");
        s.append(MachineLine.of(loadBefore, loadAfter));
        s.append(String.format("%,d events in the tenant's chain (inserted in %.0f s without the %d filter indexes, which were then built "
                + "in %.0f s with vacuum analyze); %d timed requests per variant, round-robin, after 30 warm-up requests of each%n%n", events,
                insertMillis / 1000.0, indexes, indexMillis / 1000.0, requests));
        if (pages.isEmpty()) {
            s.append("(page times not measured: -Dbench.audit.pages=false)\n");
        } else {
            s.append(String.format("%-40s %10s %10s %10s %6s%n", "variant", "p50", "p95", "max", "rows"));
        }
        pages.forEach((k, t) -> s.append(String.format("%-40s %8.1fms %8.1fms %8.1fms %6d%n", k, t.p50(), t.p95(), t.max(), t.rows())));
        s.append(String.format("%nverification of a signed chain of %,d events (loaded with COPY in %.0f s):%n", verifyEvents,
                loadMillis / 1000.0));
        s.append(String.format("  full, first run:   %,d events in %,d ms = %,.0f ms per million%n", full.events(), full.millis(),
                full.millis() * 1_000_000.0 / full.events()));
        s.append(String.format("  full, second run:  %,d events in %,d ms = %,.0f ms per million%n", full2.events(), full2.millis(),
                full2.millis() * 1_000_000.0 / full2.events()));
        s.append(String.format("  incremental after 1,000 new events: %,d events checked in %,d ms%n", incremental.events(),
                incremental.millis()));
        return s.toString();
    }
}
