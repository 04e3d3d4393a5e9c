package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V4's trigram index (made where pg_trgm is available: in the embedded database and the postgres image)
 * answers the job list's word search inside names — written the way JobQuery writes
 * it ({@code lower(name) like '%word%' escape '\' or lower(claudio_reference) like 'word%' escape '\'}) —
 * without reading the tenant's rows. A tenant of 5,000 jobs, analysed as the owner (like
 * JobReferenceIndexTest); a two-letter word (positive control) has no trigram and cannot use it.
 */
@QuarkusTest
class JobNameSearchIndexTest {

    @Inject
    EntityManager em;

    @Inject
    Fixtures fixtures;

    String tenant;

    @BeforeEach
    void jobs() {
        tenant = fixtures.tenant("Word Search Clinic", Fixtures.email("admin"));
        long profile = fixtures.seedProfile(tenant);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, status,
                                 submitted_by, submitted_by_name, created_at, updated_at, claudio_reference)
                select :tenant, gen_random_uuid(), 'Dictée ' || md5(n::text) || ' IME', p.id, p.current_version_id, false, 'COMPLETED',
                       'staff@words.test', 'Staff', now() - make_interval(mins => n), now(), 'REF-' || n
                from generate_series(1, 5000) n, profile p where p.id = :profile""")
                .setParameter("tenant", tenant).setParameter("profile", profile).executeUpdate());
        DatabaseOwner.maintenance("analyze job");
    }

    @Test
    void theExtensionIsThere() {
        Object version = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select extversion from pg_extension where extname = 'pg_trgm'").getSingleResult());
        assertTrue(version != null && !version.toString().isBlank(), "pg_trgm " + version);
        // and it works as the search needs: a word inside a name, any case
        long found = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from job where tenant_id = :t and lower(name) like '%" + md5Part() + "%'")
                .setParameter("t", tenant).getSingleResult()).longValue());
        assertTrue(found >= 1, "found " + found);
    }

    @Test
    void aWordInsideANameIsFoundThroughTheTrigramIndex() {
        String word = md5Part();
        String plan = plan("(lower(name) like '%" + word + "%' escape '\\' or lower(claudio_reference) like '" + word + "%' escape '\\')");
        assertTrue(plan.contains("job_name_trgm_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void aTwoLetterWordHasNoTrigramAndCannotUseIt() {
        String plan = plan("lower(name) like '%7f%' escape '\\'");
        assertFalse(plan.contains("job_name_trgm_idx"), plan);
    }

    /** Six characters from the middle of one job's md5: in its name only. */
    private static String md5Part() {
        return md5("4242").substring(10, 16);
    }

    private static String md5(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private String plan(String predicate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> lines = em.createNativeQuery("explain select id from job where tenant_id = '" + tenant + "' and " + predicate)
                    .getResultList();
            return String.join("\n", lines.stream().map(Object::toString).toList());
        });
    }
}
