package com.claudioportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.claudioportal.tenant.TenantContext;

/**
 * Reads the active tenant's chain (Hibernate scopes every query to it) for the review pages:
 * keyset pages newest first, by sequence number, so any page of ten million events costs the same
 * as the first; the date range is turned into a sequence range first (time never runs backwards
 * in a chain), so every filter is an index range.
 */
@ApplicationScoped
public class AuditQuery {

    public static final int PAGE_SIZE = 50;

    /** A page of events; {@code older}/{@code newer} are the cursors of the neighbouring pages, or null. */
    public record Page(List<AuditEvent> events, Long older, Long newer) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** {@code before}: events older than this sequence number; {@code after}: newer ones (the previous page). */
    @Transactional
    public Page page(AuditFilter f, Long before, Long after, int size) {
        boolean forward = after != null && before == null;
        List<AuditEvent> rows = select(f, before, after, size, forward);
        if (forward) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page(rows, null, null);
        }
        long oldest = rows.get(rows.size() - 1).seq;
        long newest = rows.get(0).seq;
        Long older = select(f, oldest, null, 1, false).isEmpty() ? null : oldest;
        Long newer = select(f, null, newest, 1, true).isEmpty() ? null : newest;
        return new Page(rows, older, newer);
    }

    /** Up to {@code size} events older than {@code before} (null: from the newest), for the export. */
    @Transactional
    public List<AuditEvent> batch(AuditFilter f, Long before, int size) {
        List<AuditEvent> rows = select(f, before, null, size, false);
        rows.forEach(em::detach);
        return rows;
    }

    private List<AuditEvent> select(AuditFilter f, Long before, Long after, int limit, boolean ascending) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        whenSet(where, params, " and seq < :before", "before", before);
        whenSet(where, params, " and seq > :after", "after", after);
        if (f.fromDay != null) {
            Long first = seqAtOrAfter(f.fromInstant());
            where.append(" and seq >= :firstSeq and occurredAt >= :fromTime");
            params.put("firstSeq", first == null ? Long.MAX_VALUE : first);
            params.put("fromTime", f.fromInstant());
        }
        if (f.toDay != null) {
            Long last = seqBefore(f.toInstant());
            where.append(" and seq <= :lastSeq and occurredAt < :toTime");
            params.put("lastSeq", last == null ? -1L : last);
            params.put("toTime", f.toInstant());
        }
        whenSet(where, params, " and actor = :actor", "actor", f.actor);
        whenSet(where, params, " and actionGroup = :group", "group", f.groupValue);
        whenSet(where, params, " and action = :action", "action", f.action);
        if (f.targetType != null) {
            where.append(" and targetType = :targetType and targetId = :targetId");
            params.put("targetType", f.targetType);
            params.put("targetId", f.targetId);
        }
        whenSet(where, params, " and outcome = :outcome", "outcome", f.outcomeValue);
        TypedQuery<AuditEvent> q = em.createQuery("from AuditEvent " + where + " order by seq " + (ascending ? "asc" : "desc"),
                AuditEvent.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList();
    }

    /** Narrows {@code where} by {@code condition} and its one parameter, when the filter has a value for it. */
    private static void whenSet(StringBuilder where, Map<String, Object> params, String condition, String param, Object value) {
        if (value != null) {
            where.append(condition);
            params.put(param, value);
        }
    }

    private Long seqAtOrAfter(Instant at) {
        List<Long> r = em.createQuery("select seq from AuditEvent where occurredAt >= :at order by occurredAt, seq", Long.class)
                .setParameter("at", at).setMaxResults(1).getResultList();
        return r.isEmpty() ? null : r.get(0);
    }

    private Long seqBefore(Instant at) {
        List<Long> r = em.createQuery("select seq from AuditEvent where occurredAt < :at order by occurredAt desc, seq desc", Long.class)
                .setParameter("at", at).setMaxResults(1).getResultList();
        return r.isEmpty() ? null : r.get(0);
    }

    /** One event of the active tenant's chain by its id, or null. */
    @Transactional
    public AuditEvent find(long id) {
        return AuditEvent.findById(id);
    }

    /**
     * Events per UTC day and group, for the days {@code from} to {@code to}. Days before today
     * never change (events are only appended, at the current time), so their counts are kept per
     * chain once read; only today's are counted on every view. Both are index-only scans of the
     * chain's time index.
     */
    @Transactional
    public Map<LocalDate, Map<AuditGroup, Long>> perDay(LocalDate from, LocalDate to) {
        String chain = tenant.tenantId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<LocalDate, Map<AuditGroup, Long>> known = pastDays.computeIfAbsent(chain, c -> new ConcurrentHashMap<>());
        LocalDate firstMissing = null;
        LocalDate lastMissing = null;
        for (LocalDate d = from; !d.isAfter(to) && d.isBefore(today); d = d.plusDays(1)) {
            if (!known.containsKey(d)) {
                firstMissing = firstMissing == null ? d : firstMissing;
                lastMissing = d;
            }
        }
        if (firstMissing != null) {
            Map<LocalDate, Map<AuditGroup, Long>> counted = count(chain, firstMissing, lastMissing);
            if (known.size() > 1_000 || pastDays.size() > 10_000) {
                known.clear();
            }
            for (LocalDate d = firstMissing; !d.isAfter(lastMissing); d = d.plusDays(1)) {
                known.put(d, counted.getOrDefault(d, Map.of()));
            }
        }
        Map<LocalDate, Map<AuditGroup, Long>> counts = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to) && d.isBefore(today); d = d.plusDays(1)) {
            counts.put(d, known.get(d));
        }
        if (!to.isBefore(today)) {
            counts.putAll(count(chain, today, today));
        }
        return counts;
    }

    /** Forgets the kept counts of a chain (after a purge removed old days). */
    public void forget(String chain) {
        pastDays.remove(chain);
    }

    private final Map<String, Map<LocalDate, Map<AuditGroup, Long>>> pastDays = new ConcurrentHashMap<>();

    private Map<LocalDate, Map<AuditGroup, Long>> count(String chain, LocalDate from, LocalDate to) {
        List<?> rows = em.createNativeQuery("""
                select cast(occurred_at at time zone 'UTC' as date), action_group, count(*)
                from audit_event where tenant_id = :chain and occurred_at >= :from and occurred_at < :to
                group by 1, 2""")
                .setParameter("chain", chain)
                .setParameter("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .getResultList();
        Map<LocalDate, Map<AuditGroup, Long>> counts = new HashMap<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            counts.computeIfAbsent(day, k -> new HashMap<>()).put(AuditGroup.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return counts;
    }
}
