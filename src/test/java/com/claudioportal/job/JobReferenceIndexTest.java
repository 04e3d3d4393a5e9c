package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Sql;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;

/**
 * V11's index answers the job list's reference search — the start of a Claudio reference, in any case,
 * within one tenant — written the way JobQuery writes it ({@code lower(claudio_reference) like 'ref-7f%' escape '\'}).
 * A tenant of 5,000 jobs, analysed, so the planner chooses by cost as it would in production; a pattern
 * that does not start with its text (positive control) cannot use the index's range.
 */
@QuarkusTest
class JobReferenceIndexTest extends TenantTestBase {

    @Inject
    Sql sql;

    String tenant;

    @BeforeEach
    void jobs() {
        tenant = fixtures.tenant("Reference Clinic", Fixtures.email("admin"));
        long profile = fixtures.seedProfile(tenant);
        sql.update("""
                insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, status,
                                 submitted_by, submitted_by_name, created_at, updated_at, claudio_reference)
                select ?1, gen_random_uuid(), 'Dictation ' || n, p.id, p.current_version_id, false, 'COMPLETED',
                       'staff@reference.test', 'Staff', now() - make_interval(mins => n), now(), 'REF-' || md5(n::text)
                from generate_series(1, 5000) n, profile p where p.id = ?2""", tenant, profile);
        // as the owner: ANALYZE by the application role only warns and skips the table, and the plan then
        // rests on whatever statistics autovacuum left (in a full run: none for this tenant, so the
        // planner expected one row and took another index)
        DatabaseOwner.maintenance("analyze job");
    }

    @Test
    void aReferencePrefixIsFoundThroughTheIndex() {
        String plan = plan("lower(claudio_reference) like 'ref-7f3%' escape '\\'");
        assertTrue(plan.contains("job_reference_prefix_idx"), plan);
        // the prefix itself bounds the scan (text_pattern_ops' ~>=~ / ~<~), not only the tenant
        assertTrue(plan.contains("~>=~ 'ref-7f3'"), plan);
    }

    @Test
    void aWordInsideTheReferenceIsNotAPrefixAndCannotBoundTheScan() {
        String plan = plan("lower(claudio_reference) like '%7f3%' escape '\\'");
        assertFalse(plan.contains("~>=~"), plan);
    }

    private String plan(String predicate) {
        List<Object> lines = sql.list("explain select id from job where tenant_id = '" + tenant + "' and " + predicate);
        return String.join("\n", lines.stream().map(Object::toString).toList());
    }
}
