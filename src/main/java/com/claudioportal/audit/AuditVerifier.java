package com.claudioportal.audit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.claudioportal.forms.Words;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Message;
import io.quarkus.scheduler.Scheduled;

/**
 * Checks a chain: every event's MAC, its link to the previous event, that no sequence number is
 * missing, and that the chain still reaches the newest anchor kept outside the database. An
 * incremental run starts at the last signed, intact checkpoint, so it costs only the events since;
 * a full run starts at the beginning (or the last purge's anchor) and also catches an old event
 * changed after it was verified. Each run leaves a signed checkpoint: its result is what the audit
 * page shows.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class);
    static final int BATCH = 5_000;

    public enum Mode {
        /** From the last intact checkpoint. */
        INCREMENTAL,
        /** From the first event (or the last purge). */
        FULL;

        public boolean isFull() {
            return this == FULL;
        }
    }

    /** A verification run's outcome, as stored in {@code audit_checkpoint}. */
    public record Checkpoint(long id, String chain, long seq, String mac, long legacyThrough, Instant verifiedAt, Mode mode,
            long fromSeq, long events, long millis, boolean intact, Long brokenSeq, String problem, String verifiedBy, String keyId,
            String signature) {

        Object[] signedFields() {
            return new Object[] { "audit-checkpoint-v1", chain, seq, mac, legacyThrough, verifiedAt.toString(), mode.name(), fromSeq,
                    events, millis, intact, brokenSeq, problem, verifiedBy, keyId };
        }

        /** The {@link #problem} in the reader's language (the audit page and its flash); null when intact. */
        public String reason() {
            return problem == null ? null : reworded(problem, Words.of(AuditMessages.class));
        }
    }

    /**
     * A problem kept in English said again in {@code words}: the checkpoint (signed) and the log line keep the
     * English and there is no column for a code, so the English is matched against the {@code brk_} messages
     * of {@link AuditMessages} it was written from, and the same message is rendered with the same arguments.
     * Text that no message matches is given as kept.
     */
    static String reworded(String english, AuditMessages words) {
        for (Reason reason : REASONS) {
            Matcher m = reason.english().matcher(english);
            if (m.matches()) {
                Parameter[] parameters = reason.message().getParameters();
                Object[] args = new Object[parameters.length];
                for (int i = 0; i < args.length; i++) {
                    String value = m.group(parameters[i].getName());
                    args[i] = parameters[i].getType() == long.class ? (Object) Long.parseLong(value) : value;
                }
                try {
                    return (String) reason.message().invoke(words, args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return english;
    }

    /** A {@code brk_} message and the pattern its English fills: a number for each {@code long} parameter, text for the others. */
    private record Reason(Method message, Pattern english) {

        static Reason of(Method message) {
            Map<String, Class<?>> types = new HashMap<>();
            for (Parameter p : message.getParameters()) {
                types.put(p.getName(), p.getType());
            }
            String template = message.getAnnotation(Message.class).value();
            StringBuilder regex = new StringBuilder();
            Set<String> seen = new HashSet<>();
            Matcher parameter = PARAMETER.matcher(template);
            int last = 0;
            while (parameter.find()) {
                String name = parameter.group(1);
                // a parameter said twice ("… the log reached #{seq}") must say the same both times
                regex.append(Pattern.quote(template.substring(last, parameter.start())))
                        .append(seen.add(name) ? "(?<" + name + ">" + (types.get(name) == long.class ? "\\d+" : ".+?") + ")"
                                : "\\k<" + name + ">");
                last = parameter.end();
            }
            return new Reason(message, Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString()));
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)\\}");

    private static final List<Reason> REASONS = Arrays.stream(AuditMessages.class.getMethods())
            .filter(m -> m.getName().startsWith("brk_")).map(Reason::of).toList();

    /** What the checkpoint keeps and the log says: English, whoever runs the verification. */
    private static AuditMessages english() {
        return Words.inEnglish(AuditMessages.class);
    }

    @Inject
    EntityManager em;

    @Inject
    AuditKeys keys;

    @Inject
    AnchorStore anchors;

    @Inject
    AuditAnchors anchorWriter;

    @Inject
    AuditConfig config;

    @Inject
    TenantScope scope;

    /** Verifies every chain: incrementally, or fully when its last full run is older than a day. */
    @Scheduled(every = "{portal.audit.verify-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        for (String chain : anchorWriter.chains()) {
            try {
                Optional<Checkpoint> lastFull = lastOf(chain, Mode.FULL);
                boolean full = lastFull.isEmpty()
                        || lastFull.get().verifiedAt().isBefore(Instant.now().minus(config.fullVerifyEvery()));
                Optional<Checkpoint> last = last(chain);
                if (!full && last.isPresent() && last.get().intact() && last.get().seq() == anchorWriter.currentHead(chain).seq()) {
                    continue;
                }
                verify(chain, full ? Mode.FULL : Mode.INCREMENTAL, "scheduled");
            } catch (RuntimeException e) {
                LOG.errorf(e, "Scheduled verification of the audit chain %s failed", chain);
            }
        }
    }

    /**
     * Verifies one chain and records the result as a checkpoint (anchoring the head when intact).
     * Returns empty when another instance is verifying the chain right now.
     */
    public Optional<Checkpoint> verify(String chain, Mode mode, String by) {
        return scope.platform(() -> QuarkusTransaction.requiringNew().timeout((int) Duration.ofHours(2).toSeconds())
                .call(() -> locked(chain) ? Optional.of(run(chain, mode, by)) : Optional.<Checkpoint> empty()));
    }

    private boolean locked(String chain) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('audit-verify:' || :chain))")
                .setParameter("chain", chain).getSingleResult();
    }

    /** A problem found: where, and what it means in words an auditor understands (in English: what is kept and logged). */
    private record Break(long seq, String problem) {
    }

    private Checkpoint run(String chain, Mode mode, String by) {
        long started = System.nanoTime();
        // read the anchor before the events: events are only ever appended, so the chain read
        // afterwards must reach at least as far
        Optional<AnchorStore.Anchor> anchor;
        try {
            anchor = anchors.latest(chain);
        } catch (IOException e) {
            anchor = Optional.empty();
            LOG.errorf(e, "Could not read the audit anchors of chain %s", chain);
        }
        long legacyThrough = legacyThrough(chain);
        Break found = null;

        // where the walk starts: the beginning, the last purge, or the last intact checkpoint
        long baseSeq = 0;
        String baseMac = AuditTrail.GENESIS;
        Object[] purge = first("""
                select through_seq, last_mac, cutoff, key_id, signature from audit_purge
                where chain_id = :chain order by through_seq desc limit 1""", chain);
        if (purge != null) {
            long through = ((Number) purge[0]).longValue();
            if (!keys.verify((String) purge[3], (String) purge[4], purgeFields(chain, through, (String) purge[1],
                    AuditTrail.instant(purge[2]), (String) purge[3]))) {
                found = new Break(through + 1, english().brk_purge_altered(through));
            }
            baseSeq = through;
            baseMac = (String) purge[1];
        }
        if (found == null && mode == Mode.INCREMENTAL) {
            Optional<Checkpoint> from = lastIntact(chain).filter(c -> c.seq() >= 0);
            if (from.isPresent() && from.get().seq() > baseSeq) {
                Checkpoint c = from.get();
                Object[] row = first("select prev_mac, mac from audit_event where tenant_id = :chain and seq = " + c.seq(), chain);
                if (c.legacyThrough() < legacyThrough) {
                    found = new Break(c.legacyThrough() + 1, english().brk_legacy_raised());
                } else if (row == null) {
                    found = new Break(c.seq(), english().brk_removed_after_check(c.seq()));
                } else if (!c.mac().equals(row[1])) {
                    found = new Break(c.seq(), english().brk_changed_after_check(c.seq()));
                } else {
                    // start at the checkpoint's own event: its content is checked again, its link by its MAC
                    baseSeq = c.seq() - 1;
                    baseMac = (String) row[0];
                }
            }
        }
        long fromSeq = baseSeq + 1;
        Walk walk = new Walk(chain, baseSeq + 1, baseMac, legacyThrough);
        if (found == null) {
            found = em.unwrap(org.hibernate.Session.class).doReturningWork(walk::run);
        }
        long expected = walk.expected;
        String prevMac = walk.prevMac;
        long checked = walk.checked;
        long head = expected - 1;
        if (found == null && anchor.isPresent()) {
            found = compareWithAnchor(chain, anchor.get(), head, baseSeq, legacyThrough);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String keyId = keys.activeKeyId();
        Checkpoint unsigned = new Checkpoint(0, chain, found == null ? head : Math.max(0, found.seq() - 1),
                found == null ? prevMac : "-", legacyThrough, at, mode, fromSeq, checked, millis, found == null,
                found == null ? null : found.seq(), found == null ? null : found.problem(), by, keyId, null);
        String signature = keys.sign(keyId, unsigned.signedFields());
        em.createNativeQuery("""
                insert into audit_checkpoint (chain_id, seq, mac, legacy_through, verified_at, mode, from_seq, events, millis, intact,
                    broken_seq, problem, verified_by, key_id, signature)
                values (:chain, :seq, :mac, :legacy, :at, :mode, :from, :events, :millis, :intact, :broken, :problem, :by, :keyId, :sig)""")
                .setParameter("chain", chain).setParameter("seq", unsigned.seq()).setParameter("mac", unsigned.mac())
                .setParameter("legacy", legacyThrough).setParameter("at", Timestamp.from(at)).setParameter("mode", mode.name())
                .setParameter("from", fromSeq).setParameter("events", checked).setParameter("millis", millis)
                .setParameter("intact", found == null).setParameter("broken", unsigned.brokenSeq())
                .setParameter("problem", unsigned.problem()).setParameter("by", AuditTrail.clip(by, 320))
                .setParameter("keyId", keyId).setParameter("sig", signature).executeUpdate();
        if (found == null) {
            if (head > 0 && anchor.map(a -> a.seq() < head).orElse(true)) {
                anchorWriter.anchor(chain, head, prevMac, legacyThrough);
            }
        } else {
            LOG.errorf("AUDIT LOG TAMPERING: chain %s, event #%d: %s", chain, found.seq(), found.problem());
        }
        return new Checkpoint(0, chain, unsigned.seq(), unsigned.mac(), legacyThrough, at, mode, fromSeq, checked, millis,
                found == null, unsigned.brokenSeq(), unsigned.problem(), by, keyId, signature);
    }

    /**
     * One batch of the walk: the events numbered {@code from} to {@code from + BATCH - 1}. The window
     * is bounded on both sides on purpose: with only {@code seq >= ?} PostgreSQL estimates the rows
     * from the sequence numbers of every chain in the table, so beside a longer chain it takes an
     * incremental run for most of this chain, reads all of it by tenant and sorts it (14 s for 1,001
     * new events in ./bench audit). A window of {@value #BATCH} numbers is estimated as small whatever the other chains hold,
     * so each batch is a range of the {@code (tenant_id, seq)} index and a run costs the events it
     * checks, not the chain (AuditVerificationCostTest).
     */
    static final String BATCH_SQL = """
            select seq, occurred_at, actor, actor_subject, actor_role, action, action_group, outcome, target_type, target_id,
                   client_ip, user_agent, request_id, details, prev_mac, mac, key_id
            from audit_event where tenant_id = ? and seq >= ? and seq < ? order by seq""";

    static void bindBatch(java.sql.PreparedStatement s, String chain, long from) throws java.sql.SQLException {
        s.setString(1, chain);
        s.setLong(2, from);
        s.setLong(3, from + BATCH);
    }

    /** The walk along a chain from {@code expected}, batch after batch, each event checked against the one before it. */
    private final class Walk {
        final String chain;
        final long legacyThrough;
        final Map<String, AuditKeys.Signer> signers = new HashMap<>();
        long expected;
        String prevMac;
        long checked;

        Walk(String chain, long expected, String prevMac, long legacyThrough) {
            this.chain = chain;
            this.expected = expected;
            this.prevMac = prevMac;
            this.legacyThrough = legacyThrough;
        }

        Break run(java.sql.Connection c) throws java.sql.SQLException {
            try (java.sql.PreparedStatement batch = c.prepareStatement(BATCH_SQL);
                    java.sql.PreparedStatement next = c.prepareStatement(
                            "select min(seq) from audit_event where tenant_id = ? and seq >= ?")) {
                while (true) {
                    bindBatch(batch, chain, expected);
                    int rows = 0;
                    try (java.sql.ResultSet r = batch.executeQuery()) {
                        while (r.next()) {
                            rows++;
                            Break found = check(r);
                            if (found != null) {
                                return found;
                            }
                        }
                    }
                    if (rows == BATCH) {
                        continue;
                    }
                    // a short window: the chain ends here, or the events up to the next one are missing
                    next.setString(1, chain);
                    next.setLong(2, expected);
                    try (java.sql.ResultSet r = next.executeQuery()) {
                        r.next();
                        long seq = r.getLong(1);
                        return r.wasNull() ? null : missing(seq);
                    }
                }
            }
        }

        private Break missing(long next) {
            return new Break(expected, expected == next - 1 ? english().brk_missing(expected) : english().brk_missing_range(expected, next - 1));
        }

        private Break check(java.sql.ResultSet r) throws java.sql.SQLException {
            long seq = r.getLong(1);
            String mac = r.getString(16);
            String keyId = r.getString(17);
            if (seq != expected) {
                return missing(seq);
            }
            if (!prevMac.equals(r.getString(15))) {
                return new Break(seq, english().brk_unlinked(seq));
            }
            Instant at = r.getObject(2, java.time.OffsetDateTime.class).toInstant();
            String computed;
            if (keyId == null) {
                if (seq > legacyThrough) {
                    return new Break(seq, english().brk_unsigned(seq));
                }
                computed = legacyHash(prevMac, seq, at, r.getString(3), r.getString(6), r.getString(9), r.getString(10), r.getString(14));
            } else if (!keys.has(keyId)) {
                return new Break(seq, english().brk_unknown_key(seq, keyId));
            } else {
                computed = signers.computeIfAbsent(keyId, keys::signer).sign(AuditTrail.macFields(chain, seq, prevMac, at,
                        r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                        r.getString(10), r.getString(11), r.getString(12), r.getString(13), r.getString(14), keyId));
            }
            if (!computed.equals(mac)) {
                return new Break(seq, english().brk_changed(seq));
            }
            prevMac = mac;
            expected++;
            checked++;
            return null;
        }
    }

    private Break compareWithAnchor(String chain, AnchorStore.Anchor a, long head, long purgedThrough, long legacyThrough) {
        if (!keys.verify(a.keyId(), a.signature(), AuditAnchors.fields(a.chain(), a.seq(), a.mac(), a.legacyThrough(), a.at(), a.keyId()))
                || !a.chain().equals(chain)) {
            return new Break(Math.max(1, a.seq()), english().brk_anchor_altered());
        }
        if (a.legacyThrough() < legacyThrough) {
            return new Break(a.legacyThrough() + 1, english().brk_legacy_raised());
        }
        if (a.seq() <= purgedThrough) {
            return null;
        }
        if (a.seq() > head) {
            String at = a.at().toString().substring(0, 19).replace('T', ' ');
            return new Break(head + 1, a.seq() == head + 1 ? english().brk_removed(a.seq(), at) : english().brk_removed_range(head + 1, a.seq(), at));
        }
        String mac = macAt(chain, a.seq());
        if (!a.mac().equals(mac)) {
            return new Break(a.seq(), english().brk_rewritten(a.seq()));
        }
        return null;
    }

    /** The latest verification result of a chain (for the audit page). */
    public Optional<Checkpoint> last(String chain) {
        return checkpoint(chain, "");
    }

    Optional<Checkpoint> lastOf(String chain, Mode mode) {
        return checkpoint(chain, " and mode = '" + mode.name() + "'");
    }

    /** The newest intact checkpoint whose signature holds; a forged one is skipped, so the run starts earlier. */
    Optional<Checkpoint> lastIntact(String chain) {
        List<Checkpoint> recent = checkpoints(chain, " and intact", 20);
        return recent.stream().filter(c -> keys.verify(c.keyId(), c.signature(), c.signedFields())).findFirst();
    }

    private Optional<Checkpoint> checkpoint(String chain, String where) {
        return checkpoints(chain, where, 1).stream().findFirst();
    }

    private List<Checkpoint> checkpoints(String chain, String where, int limit) {
        return scope.platform(() -> QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                select id, chain_id, seq, mac, legacy_through, verified_at, mode, from_seq, events, millis, intact, broken_seq,
                       problem, verified_by, key_id, signature
                from audit_checkpoint where chain_id = :chain""" + where + " order by id desc limit " + limit)
                .setParameter("chain", chain).getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new Checkpoint(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), (String) r[3],
                            ((Number) r[4]).longValue(), AuditTrail.instant(r[5]), Mode.valueOf((String) r[6]),
                            ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), ((Number) r[9]).longValue(), (Boolean) r[10],
                            r[11] == null ? null : ((Number) r[11]).longValue(), (String) r[12], (String) r[13], (String) r[14],
                            (String) r[15]);
                }).toList()));
    }

    private String macAt(String chain, long seq) {
        Object[] row = first("select mac, seq from audit_event where tenant_id = :chain and seq = " + seq, chain);
        return row == null ? null : (String) row[0];
    }

    private long legacyThrough(String chain) {
        Object[] row = first("select through_seq, chain_id from audit_legacy where chain_id = :chain", chain);
        return row == null ? 0 : ((Number) row[0]).longValue();
    }

    private Object[] first(String sql, String chain) {
        List<?> rows = em.createNativeQuery(sql).setParameter("chain", chain).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    static Object[] purgeFields(String chain, long throughSeq, String lastMac, Instant cutoff, String keyId) {
        return new Object[] { "audit-purge-v1", chain, throughSeq, lastMac, cutoff.truncatedTo(ChronoUnit.MICROS).toString(), keyId };
    }

    /** The unkeyed SHA-256 link of events written before the chain was keyed (V1 to V7). */
    static String legacyHash(String prev, long seq, Instant at, String actor, String action, String targetType, String targetId,
            String details) {
        String canonical = String.join("\u001f", prev, Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(), actor, action,
                targetType == null ? "" : targetType, targetId == null ? "" : targetId, details);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
