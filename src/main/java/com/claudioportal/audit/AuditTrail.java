package com.claudioportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * The one way to write the audit log. Each tenant's events form a hash chain: an event's hash
 * covers its content and the previous event's hash, so changing or removing a past event
 * breaks every later hash ({@link #verify}). The table also refuses UPDATE and DELETE.
 * Events are written in the caller's transaction: a change and its audit entry commit together.
 */
@ApplicationScoped
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper json;

    /** Records an event for the active tenant, by the signed-in person (or "system"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, Object targetId, Map<String, ?> details) {
        recordFor(tenant.access().tenantId(), action, targetType, targetId, details);
    }

    /** Records an event for a named tenant, e.g. from the platform administration. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFor(String tenantId, String action, String targetType, Object targetId, Map<String, ?> details) {
        String actor = currentActor();
        String detailsJson = canonicalJson(details);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('audit:' || :tenant))")
                .setParameter("tenant", tenantId).getSingleResult();
        List<?> last = em.createNativeQuery(
                "select seq, hash from audit_event where tenant_id = :tenant order by seq desc limit 1")
                .setParameter("tenant", tenantId).getResultList();
        long seq = 1;
        String prev = GENESIS;
        if (!last.isEmpty()) {
            Object[] row = (Object[]) last.get(0);
            seq = ((Number) row[0]).longValue() + 1;
            prev = (String) row[1];
        }
        String target = targetId == null ? null : String.valueOf(targetId);
        String hash = hash(prev, seq, at, actor, action, targetType, target, detailsJson);
        em.createNativeQuery("""
                insert into audit_event (tenant_id, seq, occurred_at, actor, action, target_type, target_id, details, prev_hash, hash)
                values (:tenant, :seq, :at, :actor, :action, :targetType, :targetId, :details, :prev, :hash)""")
                .setParameter("tenant", tenantId)
                .setParameter("seq", seq)
                .setParameter("at", Timestamp.from(at))
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("targetType", targetType)
                .setParameter("targetId", target)
                .setParameter("details", detailsJson)
                .setParameter("prev", prev)
                .setParameter("hash", hash)
                .executeUpdate();
    }

    /**
     * Re-computes the active tenant's chain. Returns the sequence number of the first event that
     * does not match, or -1 when the whole chain is intact.
     */
    @Transactional
    public ChainCheck verify() {
        List<AuditEvent> events = AuditEvent.list("order by seq");
        String prev = GENESIS;
        long expectedSeq = 1;
        for (AuditEvent e : events) {
            String expected = hash(prev, e.seq, e.occurredAt, e.actor, e.action, e.targetType, e.targetId, e.details);
            if (e.seq != expectedSeq || !e.prevHash.equals(prev) || !e.hash.equals(expected)) {
                return new ChainCheck(events.size(), e.seq);
            }
            prev = e.hash;
            expectedSeq++;
        }
        return new ChainCheck(events.size(), -1);
    }

    public record ChainCheck(int events, long firstBrokenSeq) {
        public boolean intact() {
            return firstBrokenSeq < 0;
        }
    }

    static String hash(String prev, long seq, Instant at, String actor, String action, String targetType,
            String targetId, String details) {
        String canonical = String.join("\u001f", prev, Long.toString(seq),
                at.truncatedTo(ChronoUnit.MICROS).toString(), actor, action,
                targetType == null ? "" : targetType, targetId == null ? "" : targetId, details);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String canonicalJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain values", e);
        }
    }

    private static String currentActor() {
        if (Arc.container().requestContext().isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            if (user.isAuthenticated()) {
                return user.actor();
            }
        }
        return "system";
    }
}
