package com.claudioportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.claudioportal.tenant.AfterCommit;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way to write the audit log. Each tenant's events, and the platform's, form a chain:
 * an event's MAC (HMAC-SHA-256 under a key kept outside the database, {@link AuditKeys}) covers
 * its content, its sequence number and the previous event's MAC, so changing, removing or
 * inserting an event, or recomputing the chain without the key, is detected by
 * {@link AuditVerifier}. Events are written in the caller's transaction: a change and its audit
 * entry commit together, or neither does.
 */
@ApplicationScoped
public class AuditTrail {

    /** The chain of events that belong to no tenant. No tenant id can be this (tenant ids have no underscore). */
    public static final String PLATFORM = "_platform";

    static final String GENESIS = "0".repeat(64);

    /** Detail keys that would carry what the log must never hold. */
    static final Set<String> FORBIDDEN_DETAILS = Set.of("file", "filename", "filenames", "name_of_file", "apikey", "apisecret",
            "secret", "password", "token", "value", "values", "transcript", "text");

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper json;

    @Inject
    AuditKeys keys;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Records a successful action of the active tenant, by the signed-in person (or "system"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, Object targetId, Map<String, ?> details) {
        write(AuditEntry.of(action).chain(tenant.access().tenantId()).target(targetType, targetId).details(details));
    }

    /** Records a successful action in a named tenant's chain, e.g. from the platform administration. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFor(String tenantId, String action, String targetType, Object targetId, Map<String, ?> details) {
        write(AuditEntry.of(action).chain(tenantId).target(targetType, targetId).details(details));
    }

    /**
     * Records an event; returns false when it was coalesced with a recent identical one. The chain
     * is locked for the rest of the transaction, so sequence numbers never repeat or skip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean write(AuditEntry e) {
        String chain = e.chain != null ? e.chain
                : Arc.container().requestContext().isActive() && tenant.isActive() ? tenant.tenantId() : PLATFORM;
        AuditActor actor = e.actor != null ? e.actor : currentActor(chain);
        AuditSource source = e.source != null ? e.source : currentSource();
        String details = canonicalJson(e.details);
        AuditGroup group = AuditActions.groupOf(e.action);

        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('audit:' || :chain))")
                .setParameter("chain", chain).getSingleResult();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (e.coalesce != null && recentlyRecorded(chain, actor.name(), e, now.minus(e.coalesce))) {
            return false;
        }
        Head head = head(chain);
        // time never runs backwards within a chain, so a date range is a sequence range
        Instant at = head.at() != null && head.at().isAfter(now) ? head.at() : now;
        long seq = head.seq() + 1;
        String keyId = keys.activeKeyId();
        String mac = keys.sign(keyId, macFields(chain, seq, head.mac(), at, actor.name(), actor.subject(), actor.role(), e.action,
                group.name(), e.outcome.name(), e.targetType, e.targetId, source.clientIp(), source.userAgent(), source.requestId(),
                details, keyId));
        em.createNativeQuery("""
                insert into audit_event (tenant_id, seq, occurred_at, actor, actor_subject, actor_role, action, action_group, outcome,
                    target_type, target_id, client_ip, user_agent, request_id, details, prev_mac, mac, key_id)
                values (:chain, :seq, :at, :actor, :subject, :role, :action, :group, :outcome,
                    :targetType, :targetId, :ip, :agent, :requestId, :details, :prev, :mac, :keyId)""")
                .setParameter("chain", chain)
                .setParameter("seq", seq)
                .setParameter("at", Timestamp.from(at))
                .setParameter("actor", clip(actor.name(), 320))
                .setParameter("subject", clip(actor.subject(), 255))
                .setParameter("role", actor.role())
                .setParameter("action", e.action)
                .setParameter("group", group.name())
                .setParameter("outcome", e.outcome.name())
                .setParameter("targetType", e.targetType)
                .setParameter("targetId", clip(e.targetId, 120))
                .setParameter("ip", source.clientIp())
                .setParameter("agent", source.userAgent())
                .setParameter("requestId", source.requestId())
                .setParameter("details", details)
                .setParameter("prev", head.mac())
                .setParameter("mac", mac)
                .setParameter("keyId", keyId)
                .executeUpdate();
        tellRequestOnCommit(e.action, e.targetType);
        return true;
    }

    /**
     * The fields an event's MAC covers, in order. Values are cut to their columns before signing
     * ({@link #clip}), so what is stored is what was signed.
     */
    static Object[] macFields(String chain, long seq, String prevMac, Instant at, String actor, String subject, String role,
            String action, String group, String outcome, String targetType, String targetId, String ip, String agent,
            String requestId, String details, String keyId) {
        return new Object[] { "audit-event-v2", chain, seq, prevMac, at.truncatedTo(ChronoUnit.MICROS).toString(),
                clip(actor, 320), clip(subject, 255), role, action, group, outcome, targetType, clip(targetId, 120), ip, agent,
                requestId, details, keyId };
    }

    /** The last event of a chain (after a purge that removed everything: the purge's anchor). */
    public record Head(long seq, String mac, Instant at) {
    }

    Head head(String chain) {
        List<?> last = em.createNativeQuery(
                "select seq, mac, occurred_at from audit_event where tenant_id = :chain order by seq desc limit 1")
                .setParameter("chain", chain).getResultList();
        if (!last.isEmpty()) {
            Object[] row = (Object[]) last.get(0);
            return new Head(((Number) row[0]).longValue(), (String) row[1], instant(row[2]));
        }
        List<?> purged = em.createNativeQuery(
                "select through_seq, last_mac from audit_purge where chain_id = :chain order by through_seq desc limit 1")
                .setParameter("chain", chain).getResultList();
        if (!purged.isEmpty()) {
            Object[] row = (Object[]) purged.get(0);
            return new Head(((Number) row[0]).longValue(), (String) row[1], null);
        }
        return new Head(0, GENESIS, null);
    }

    private boolean recentlyRecorded(String chain, String actor, AuditEntry e, Instant since) {
        String target = (e.targetType == null ? " and target_type is null" : " and target_type = :type")
                + (e.targetId == null ? " and target_id is null" : " and target_id = :id");
        var q = em.createNativeQuery("select 1 from audit_event where tenant_id = :chain" + target
                + " and action = :action and actor = :actor and occurred_at > :since limit 1")
                .setParameter("chain", chain).setParameter("action", e.action)
                .setParameter("actor", actor).setParameter("since", Timestamp.from(since));
        if (e.targetType != null) {
            q.setParameter("type", e.targetType);
        }
        if (e.targetId != null) {
            q.setParameter("id", clip(e.targetId, 120));
        }
        return !q.getResultList().isEmpty();
    }

    private void tellRequestOnCommit(String action, String targetType) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        AuditRequest request = Arc.container().instance(AuditRequest.class).get();
        if (!request.hasFrames()) {
            return;
        }
        AfterCommit.run(transactions, () -> request.committed(action, targetType));
    }

    private String canonicalJson(Map<String, Object> details) {
        for (String key : details.keySet()) {
            if (FORBIDDEN_DETAILS.contains(key.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Audit details must not hold '" + key
                        + "': no secrets, file names, field values or transcript text (docs/architecture.md, \"Auditing\")");
            }
        }
        try {
            return json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Audit details must be plain values", ex);
        }
    }

    /** Who is acting: the signed-in person with their role in this chain's tenant, or the system. */
    AuditActor currentActor(String chain) {
        if (Arc.container().requestContext().isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            if (user.isAuthenticated()) {
                String role = tenant.isActive() && tenant.tenantId().equals(chain) && tenant.memberRole() != null
                        ? tenant.memberRole().name()
                        : user.isPlatformAdmin() ? "PLATFORM_ADMIN" : null;
                return new AuditActor(user.actor(), user.subject(), role);
            }
        }
        return AuditActor.SYSTEM;
    }

    static AuditSource currentSource() {
        if (!Arc.container().requestContext().isActive()) {
            return AuditSource.NONE;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return AuditSource.of(rc);
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }
}
