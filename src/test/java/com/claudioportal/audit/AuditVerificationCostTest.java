package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An incremental verification reads the events since the last checkpoint, not the chain: its
 * statement, run by PostgreSQL with the bounds the run used, reads no more rows of audit_event
 * than the run checked, even beside a tenant with a longer chain, whose sequence numbers make
 * {@code seq >= checkpoint} look unselective to the planner (the streamed walk of 82fb50e read the
 * whole chain there: 14 s for 1,001 events in ./bench audit). Counted in rows, not timed.
 */
@QuarkusTest
class AuditVerificationCostTest extends TenantTestBase {

    static final int CHAIN = 6_000;
    static final int NEIGHBOUR = 60_000;
    static final int NEW = 1_000;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditBench bench;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anIncrementalRunReadsOnlyTheEventsSinceTheCheckpoint() throws Exception {
        String neighbour = fixtures.tenant("Busy Clinic", Fixtures.email("admin"));
        DatabaseOwner.execute("""
                insert into audit_event (tenant_id, seq, occurred_at, actor, actor_subject, actor_role, action, action_group, target_type,
                    target_id, client_ip, user_agent, request_id, details, prev_mac, mac, key_id)
                select '%s', s, now() - interval '30 days' + s * interval '30 seconds', 'person' || (s %% 50) || '@busy.test', 'sub',
                    'STAFF', 'job.viewed', 'ACCESS', 'job', (s %% 5000)::text, '10.1.1.1', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0',
                    lpad(to_hex(s), 16, '0'), '{}', md5(s::text) || md5((s - 1)::text), md5((s + 1)::text) || md5(s::text), 'test1'
                from generate_series(%d, %d) as g(s)""".formatted(neighbour, 3, NEIGHBOUR));
        String chain = fixtures.tenant("Verified Clinic", Fixtures.email("admin"));
        bench.copySigned(chain, CHAIN, Instant.now().minus(30, ChronoUnit.DAYS));
        // as after a restore (indexes built after the data) and the next autovacuum
        DatabaseOwner.maintenance("reindex table audit_event");
        DatabaseOwner.maintenance("analyze audit_event");

        AuditVerifier.Checkpoint full = verifier.verify(chain, AuditVerifier.Mode.FULL, "test").orElseThrow();
        assertTrue(full.intact(), full.problem());
        bench.copySigned(chain, NEW, Instant.now().minus(1, ChronoUnit.DAYS));
        AuditVerifier.Checkpoint incremental = verifier.verify(chain, AuditVerifier.Mode.INCREMENTAL, "test").orElseThrow();
        assertTrue(incremental.intact(), incremental.problem());
        assertEquals(full.seq(), incremental.fromSeq(), "starts at the checkpoint's own event");
        assertEquals(NEW + 1, incremental.events());
        assertEquals(full.seq() + NEW, incremental.seq());

        long read = rowsRead(chain, incremental.fromSeq());
        assertTrue(read <= incremental.events(), "the walk from #" + incremental.fromSeq() + " read " + read
                + " rows of audit_event for " + incremental.events() + " events (a chain of " + incremental.seq() + ")");
    }

    /** Rows of audit_event that PostgreSQL reads for the walk's batch from {@code from}: returned, filtered out or rechecked away. */
    long rowsRead(String chain, long from) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("explain (analyze, format json) " + AuditVerifier.BATCH_SQL)) {
            AuditVerifier.bindBatch(s, chain, from);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return rowsRead(new ObjectMapper().readTree(r.getString(1)).get(0).get("Plan"));
            }
        }
    }

    static long rowsRead(JsonNode plan) {
        long rows = 0;
        if ("audit_event".equals(plan.path("Relation Name").asText())) {
            // EXPLAIN gives each count per loop (a parallel scan has a loop per process)
            rows += plan.path("Actual Loops").asLong(1) * (plan.path("Actual Rows").asLong() + plan.path("Rows Removed by Filter").asLong()
                    + plan.path("Rows Removed by Index Recheck").asLong());
        }
        for (JsonNode child : plan.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
    }
}
