package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Sql;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit log against someone who can write the database: the portal's own role cannot change
 * or remove events at all, and what the owner role can do with plain SQL (edit an event, delete
 * the newest ones, recompute the chain, downgrade it to the unkeyed format, forge a purge) is
 * found by verification at the event where it happened.
 */
@QuarkusTest
class AuditTamperTest extends TenantTestBase {

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditRetention retention;

    @Inject
    AuditKeys keys;

    @Inject
    Sql db;

    @Inject
    AuditBench bench;

    /** A tenant with {@code events} events in its chain (tenant.created and member.added among them). */
    String chainWith(int events) {
        String tenant = fixtures.tenant("Audit Clinic", Fixtures.email("admin"));
        for (int i = count(tenant); i < events; i++) {
            int n = i;
            scope.run(tenant, () -> trail.record("test.event", "thing", n, Map.of("n", n)));
        }
        assertEquals(events, count(tenant));
        return tenant;
    }

    int count(String chain) {
        return ((Number) DatabaseOwner.query("select count(*) from audit_event where tenant_id = ?", chain).get(0)[0]).intValue();
    }

    AuditVerifier.Checkpoint verify(String chain, AuditVerifier.Mode mode) {
        return verifier.verify(chain, mode, "test").orElseThrow();
    }

    /** A full verification of {@code chain} finds it broken at event {@code seq}, for a reason naming {@code problem}. */
    void assertBrokenAt(String chain, long seq, String problem) {
        AuditVerifier.Checkpoint check = verify(chain, AuditVerifier.Mode.FULL);
        assertFalse(check.intact());
        assertEquals(seq, check.brokenSeq());
        assertTrue(check.problem().contains(problem), check.problem());
    }

    @Test
    void eventsFormAnIntactKeyedChainPerTenant() {
        String tenant = chainWith(4);
        AuditVerifier.Checkpoint check = verify(tenant, AuditVerifier.Mode.FULL);
        assertTrue(check.intact(), check.problem());
        assertEquals(4, check.events());
        assertEquals(4, check.seq());
        List<Object[]> rows = DatabaseOwner.query("select key_id, mac, details, actor, actor_role from audit_event where tenant_id = ? "
                + "order by seq desc", tenant);
        assertEquals("test1", rows.get(0)[0], "signed with the active key");
        assertTrue(((String) rows.get(0)[1]).matches("[0-9a-f]{64}"));
        assertEquals("{\"n\":3}", rows.get(0)[2]);
        assertEquals("system", rows.get(0)[3]);
        assertEquals("SYSTEM", rows.get(0)[4]);

        // a later incremental run looks at the checkpoint's event again and at what is new
        scope.run(tenant, () -> trail.record("test.event", "thing", 9, Map.of()));
        AuditVerifier.Checkpoint next = verify(tenant, AuditVerifier.Mode.INCREMENTAL);
        assertTrue(next.intact());
        assertEquals(4, next.fromSeq());
        assertEquals(2, next.events());
        AuditVerifier.Checkpoint shown = verifier.last(tenant).orElseThrow();
        assertEquals(5, shown.seq(), "the page shows the stored result");
        assertEquals(AuditVerifier.Mode.INCREMENTAL, shown.mode());
        assertTrue(shown.intact());
    }

    @Test
    void thePortalsRoleCanNeitherChangeNorRemoveEventsNorSwitchTheTriggerOff() {
        String tenant = chainWith(3);
        String[] attempts = {
                "update audit_event set actor = 'mallory' where tenant_id = '" + tenant + "'",
                "delete from audit_event where tenant_id = '" + tenant + "'",
                "truncate audit_event",
                "alter table audit_event disable trigger audit_event_no_update",
                "update audit_checkpoint set intact = true",
                "delete from audit_checkpoint",
                "insert into audit_purge (chain_id, through_seq, last_mac, events, cutoff, key_id, signature) "
                        + "values ('" + tenant + "', 3, 'x', 3, now(), 'test1', 'x')",
                "update audit_legacy set through_seq = 1000000",
                "drop trigger audit_event_no_update on audit_event" };
        for (String sql : attempts) {
            Exception refused = assertThrows(Exception.class,
                    () -> db.update(sql), sql);
            String message = rootMessage(refused);
            assertTrue(message.contains("permission denied") || message.contains("must be owner"), sql + ": " + message);
        }
        // and the purge function refuses recent events, whoever asks
        Exception tooRecent = assertThrows(Exception.class, () -> db.one("select audit_purge(?1, 3, 'x', now() - interval '1 day', 'test1', 'x')", tenant));
        assertTrue(rootMessage(tooRecent).contains("younger than a year"), rootMessage(tooRecent));
        assertEquals(3, count(tenant));
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());
    }

    @Test
    void theOwnerMustSwitchTheTriggerOffToChangeAnEvent() {
        String tenant = chainWith(3);
        Exception refused = assertThrows(Exception.class,
                () -> DatabaseOwner.execute("update audit_event set actor = 'mallory' where tenant_id = '" + tenant + "'"));
        assertTrue(rootMessage(refused).contains("append-only"), rootMessage(refused));
        Exception deleted = assertThrows(Exception.class,
                () -> DatabaseOwner.execute("delete from audit_event where tenant_id = '" + tenant + "'"));
        assertTrue(rootMessage(deleted).contains("append-only"), rootMessage(deleted));
    }

    @Test
    void anEditedEventIsFoundAtItsSequenceNumber() {
        String tenant = chainWith(6);
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());
        behindTheTrigger("update audit_event set details = '{\"role\":\"TENANT_ADMIN\"}' where tenant_id = '" + tenant + "' and seq = 3");

        // the incremental run starts at the checkpoint (#6) and cannot see #3; the full run can
        AuditVerifier.Checkpoint full = verify(tenant, AuditVerifier.Mode.FULL);
        assertFalse(full.intact());
        assertEquals(3L, full.brokenSeq());
        assertTrue(full.problem().contains("#3 was changed"), full.problem());

        // after a checkpoint, an edit past it is found by the next incremental run
        String other = chainWith(4);
        assertTrue(verify(other, AuditVerifier.Mode.FULL).intact());
        scope.run(other, () -> trail.record("test.event", "thing", 5, Map.of()));
        scope.run(other, () -> trail.record("test.event", "thing", 6, Map.of()));
        behindTheTrigger("update audit_event set outcome = 'DENIED' where tenant_id = '" + other + "' and seq = 6");
        AuditVerifier.Checkpoint incremental = verify(other, AuditVerifier.Mode.INCREMENTAL);
        assertFalse(incremental.intact());
        assertEquals(6L, incremental.brokenSeq());
        // and the checkpointed event itself changing is found without walking the chain
        String third = chainWith(4);
        assertTrue(verify(third, AuditVerifier.Mode.FULL).intact());
        behindTheTrigger("update audit_event set actor = 'mallory' where tenant_id = '" + third + "' and seq = 4");
        behindTheTrigger("update audit_event set mac = repeat('a', 64) where tenant_id = '" + third + "' and seq = 4");
        AuditVerifier.Checkpoint atCheckpoint = verify(third, AuditVerifier.Mode.INCREMENTAL);
        assertEquals(4L, atCheckpoint.brokenSeq());
    }

    @Test
    void deletingTheNewestEventsIsFoundByTheAnchorOutsideTheDatabase() {
        String tenant = chainWith(7);
        // the verification anchors the head (#7) outside the database
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());
        behindTheTrigger("delete from audit_event where tenant_id = '" + tenant + "' and seq >= 5");
        assertEquals(4, count(tenant));

        assertBrokenAt(tenant, 5L, "Events #5 to #7 were removed");
        // kept in English, read by a French auditor in French
        AuditVerifier.Checkpoint full = verify(tenant, AuditVerifier.Mode.FULL);
        String french = AuditVerifier.reworded(full.problem(), MessageBundles.get(AuditMessages.class, Localized.Literal.of("fr")));
        assertTrue(french.matches("Les événements n° 5 à 7 ont été supprimés : le \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, "
                + "le journal atteignait le n° 7\\."), french);
        assertEquals(full.problem(), full.reason(), "outside a request the reader's language is English");
        // an incremental run finds it too: its checkpoint's event is gone
        AuditVerifier.Checkpoint incremental = verify(tenant, AuditVerifier.Mode.INCREMENTAL);
        assertFalse(incremental.intact());
    }

    @Test
    void eventsRemovedFromTheMiddleAreFoundWhereTheGapStarts() throws Exception {
        // one event, and then more than a batch of the walk: both ends of the gap are named
        String tenant = chainWith(2);
        bench.copySigned(tenant, AuditVerifier.BATCH + 2_000, Instant.now().minus(1, java.time.temporal.ChronoUnit.DAYS));
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());
        behindTheTrigger("delete from audit_event where tenant_id = '" + tenant + "' and seq = 9");
        assertEquals("Event #9 is missing.", verify(tenant, AuditVerifier.Mode.FULL).problem());

        String wide = chainWith(2);
        bench.copySigned(wide, AuditVerifier.BATCH + 2_000, Instant.now().minus(1, java.time.temporal.ChronoUnit.DAYS));
        behindTheTrigger("delete from audit_event where tenant_id = '" + wide + "' and seq between 1000 and " + (AuditVerifier.BATCH + 1_500));
        AuditVerifier.Checkpoint check = verify(wide, AuditVerifier.Mode.FULL);
        assertEquals(1000L, check.brokenSeq());
        assertEquals("Events #1000 to #" + (AuditVerifier.BATCH + 1_500) + " are missing.", check.problem());
        assertEquals(999, check.seq(), "intact up to the gap");
    }

    @Test
    void recomputingTheChainWithPlainSqlFailsTheKeyedSignature() {
        String tenant = chainWith(6);
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());
        // rewrite #3 and give it and every later event a fresh SHA-256 "seal" linked like the real ones:
        // without the key the result is consistent but not signed
        behindTheTrigger(
                "update audit_event set details = '{\"role\":\"AUDITOR\"}' where tenant_id = '" + tenant + "' and seq = 3",
                """
                do $$
                declare r record; prev text;
                begin
                    select mac into prev from audit_event where tenant_id = '%1$s' and seq = 2;
                    for r in select seq from audit_event where tenant_id = '%1$s' and seq >= 3 order by seq loop
                        update audit_event set prev_mac = prev,
                            mac = encode(sha256(convert_to(prev || seq || occurred_at || actor || action || details, 'UTF8')), 'hex')
                        where tenant_id = '%1$s' and seq = r.seq;
                        select mac into prev from audit_event where tenant_id = '%1$s' and seq = r.seq;
                    end loop;
                end $$""".formatted(tenant));
        assertBrokenAt(tenant, 3L, "does not match its signature");
    }

    @Test
    void downgradingEventsToTheUnkeyedFormatIsFound() {
        String tenant = chainWith(5);
        // the pre-key format (unkeyed SHA-256) is valid only for the events that existed when the log was keyed
        List<Object[]> rows = DatabaseOwner.query("select seq, occurred_at, actor, action, target_type, target_id, details "
                + "from audit_event where tenant_id = ? and seq >= 3 order by seq", tenant);
        String prev = (String) DatabaseOwner.query("select mac from audit_event where tenant_id = ? and seq = 2", tenant).get(0)[0];
        for (Object[] r : rows) {
            Instant at = ((Timestamp) r[1]).toInstant();
            String hash = AuditVerifier.legacyHash(prev, (Long) r[0], at, (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6]);
            behindTheTrigger("update audit_event set key_id = null, prev_mac = '" + prev + "', mac = '" + hash + "' where tenant_id = '"
                    + tenant + "' and seq = " + r[0]);
            prev = hash;
        }
        assertBrokenAt(tenant, 3L, "not signed");
    }

    @Test
    void eventsFromBeforeTheKeyVerifyAsAPrefixAndStayProtected() {
        // a chain as V1-V7 wrote it: three events linked by unkeyed SHA-256, then the migration's boundary
        String tenant = fixtures.tenant("Legacy Clinic", Fixtures.email("admin"));
        String chain = "legacy-" + tenant.substring(tenant.length() - 8);
        String prev = AuditTrail.GENESIS;
        Instant at = Instant.parse("2026-01-05T10:00:00.123456Z");
        for (long seq = 1; seq <= 3; seq++) {
            String details = "{\"n\":" + seq + "}";
            String hash = AuditVerifier.legacyHash(prev, seq, at.plusSeconds(seq), "admin@legacy.test", "member.added", "member", "m" + seq,
                    details);
            DatabaseOwner.update("insert into audit_event (tenant_id, seq, occurred_at, actor, action, target_type, target_id, details, "
                    + "prev_mac, mac) values (?, ?, ?, 'admin@legacy.test', 'member.added', 'member', ?, ?, ?, ?)", chain, seq,
                    OffsetDateTime.ofInstant(at.plusSeconds(seq), ZoneOffset.UTC), "m" + seq, details, prev, hash);
            prev = hash;
        }
        DatabaseOwner.update("insert into audit_legacy (chain_id, through_seq) values (?, 3)", chain);
        QuarkusTransaction.requiringNew().run(() -> trail.write(AuditEntry.of("test.event").chain(chain)));
        QuarkusTransaction.requiringNew().run(() -> trail.write(AuditEntry.of("test.event").chain(chain)));

        AuditVerifier.Checkpoint check = verify(chain, AuditVerifier.Mode.FULL);
        assertTrue(check.intact(), check.problem());
        assertEquals(5, check.seq());
        assertEquals(3, check.legacyThrough());

        // the first keyed event seals the prefix: rewriting an old event means rewriting its hash, which #4 covers
        behindTheTrigger("update audit_event set details = '{\"n\":9}' where tenant_id = '" + chain + "' and seq = 2");
        assertEquals(2L, verify(chain, AuditVerifier.Mode.FULL).brokenSeq());
    }

    @Test
    void aForgedCheckpointIsIgnoredAndAForgedPurgeRecordIsFound() {
        String tenant = chainWith(5);
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());
        behindTheTrigger("update audit_event set details = '{}' where tenant_id = '" + tenant + "' and seq = 5");
        // an "intact" checkpoint past the edit, without a valid signature, is not used as a starting point
        DatabaseOwner.update("insert into audit_checkpoint (chain_id, seq, mac, legacy_through, verified_at, mode, from_seq, events, "
                + "millis, intact, verified_by, key_id, signature) select tenant_id, seq, mac, 0, now(), 'FULL', 1, 5, 1, true, 'mallory', "
                + "'test1', repeat('0', 64) from audit_event where tenant_id = ? and seq = 5", tenant);
        assertEquals(5L, verify(tenant, AuditVerifier.Mode.INCREMENTAL).brokenSeq());

        // removing the oldest events with a made-up purge record is found as well
        String other = chainWith(5);
        behindTheTrigger("delete from audit_event where tenant_id = '" + other + "' and seq <= 2");
        DatabaseOwner.update("insert into audit_purge (chain_id, through_seq, last_mac, events, cutoff, key_id, signature) "
                + "select tenant_id, 2, mac, 2, now() - interval '7 years', 'test1', repeat('0', 64) from audit_event "
                + "where tenant_id = ? and seq = 3", other);
        assertBrokenAt(other, 3L, "purge");
    }

    @Test
    void purgingOldEventsLeavesAnAnchorSoTheRestStillVerifies() {
        String tenant = chainWith(6);
        fixtures.member(tenant, Fixtures.email("staff"), TenantRole.STAFF);
        // as if the first four events were written seven years ago (re-signed with the key, as the portal would have)
        backdate(tenant, 4, 7);
        assertTrue(verify(tenant, AuditVerifier.Mode.FULL).intact());

        long removed = retention.purge(tenant, Instant.now());
        assertEquals(4, removed);
        assertEquals(List.of(5L, 6L, 7L, 8L), DatabaseOwner.query("select seq from audit_event where tenant_id = ? order by seq", tenant)
                .stream().map(r -> (Long) r[0]).toList().subList(0, 4));
        Object[] anchor = DatabaseOwner.query("select through_seq, events from audit_purge where chain_id = ?", tenant).get(0);
        assertEquals(4L, anchor[0]);
        assertEquals(4L, anchor[1]);
        String purged = scope.call(tenant, () -> AuditEvent.<AuditEvent> find("action", "audit.purged").firstResult().details);
        assertTrue(purged.contains("\"events\":4") && purged.contains("\"retentionYears\":6"), purged);

        AuditVerifier.Checkpoint full = verify(tenant, AuditVerifier.Mode.FULL);
        assertTrue(full.intact(), full.problem());
        assertEquals(5, full.fromSeq());
        assertEquals(0, retention.purge(tenant, Instant.now()), "nothing else is old enough");
        assertNotNull(verifier.last(tenant).orElseThrow().signature());
    }

    @Test
    void retentionIsPerTenantAndNeverUnderAYear() {
        String tenant = chainWith(3);
        assertEquals(6, retention.yearsOf(tenant));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> retention.setYears(tenant, "0")).errors().get("years").contains("1 to 50"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> retention.setYears(tenant, "six")).errors().get("years")
                .contains("number of years"));
        var set = QuarkusTransaction.requiringNew().call(() -> retention.setYears(tenant, "10"));
        assertTrue(set.ok(), set.problem());
        assertEquals(10, set.value());
        assertEquals(10, retention.yearsOf(tenant));
        String details = scope.call(tenant, () -> AuditEvent.<AuditEvent> find("action", "audit.retention-changed").firstResult().details);
        assertEquals("{\"years\":{\"from\":6,\"to\":10}}", details);
    }

    /** Moves the first {@code events} events {@code years} back and re-signs the chain with the key. */
    void backdate(String chain, int events, int years) {
        behindTheTrigger("update audit_event set occurred_at = occurred_at - interval '" + years + " years' where tenant_id = '" + chain
                + "' and seq <= " + events);
        List<Object[]> rows = DatabaseOwner.query("""
                select seq, occurred_at, actor, actor_subject, actor_role, action, action_group, outcome, target_type, target_id,
                       client_ip, user_agent, request_id, details, key_id
                from audit_event where tenant_id = ? order by seq""", chain);
        String prev = AuditTrail.GENESIS;
        for (Object[] r : rows) {
            Instant at = ((Timestamp) r[1]).toInstant();
            String mac = keys.sign((String) r[14], AuditTrail.macFields(chain, (Long) r[0], prev, at, (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                    (String) r[11], (String) r[12], (String) r[13], (String) r[14]));
            behindTheTrigger("update audit_event set prev_mac = '" + prev + "', mac = '" + mac + "' where tenant_id = '" + chain
                    + "' and seq = " + r[0]);
            prev = mac;
        }
        // the old anchors recorded the old MACs: start the anchor file afresh, as after the events really were old
        DatabaseOwner.execute("delete from audit_checkpoint where chain_id = '" + chain + "'");
        java.nio.file.Path file = java.nio.file.Path.of("target/test-data/audit-anchors", chain + ".jsonl");
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Plain SQL as the owner, with the append-only trigger switched off for it. */
    static void behindTheTrigger(String... statements) {
        String[] all = new String[statements.length + 2];
        all[0] = "alter table audit_event disable trigger audit_event_no_update";
        System.arraycopy(statements, 0, all, 1, statements.length);
        all[all.length - 1] = "alter table audit_event enable trigger audit_event_no_update";
        DatabaseOwner.execute(all);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(" | ");
            t = t.getCause();
        }
        return all.toString();
    }
}
