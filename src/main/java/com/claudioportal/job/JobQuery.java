package com.claudioportal.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import com.claudioportal.profile.Profile;

/**
 * The job list's filters and keyset paging. Pages are "the next 50 older than the last one seen",
 * ordered by (created_at, id) on indexes that lead with the tenant, so page 1 and page 20,000 cost
 * the same whether the tenant has ten thousand jobs or a million.
 */
public class JobQuery {

    public static final int PAGE_SIZE = 50;

    public String status;
    public Long profile;
    public String submitter;
    public boolean mine;
    public String from;
    public String to;
    public String q;
    /** Only jobs past their due time that are not finished. */
    public boolean late;
    /** Cursor: "&lt;epoch micros&gt;_&lt;id&gt;" of the last row of the previous page. */
    public String after;

    public record Page(List<JobRow> rows, String nextCursor) {
    }

    public Page run(EntityManager em, String currentUser) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        JobState state = state();
        if (state != null) {
            where.append(" and j.status = :status");
            params.put("status", state);
        }
        if (profile != null) {
            where.append(" and j.profileId = :profile");
            params.put("profile", profile);
        }
        if (late) {
            where.append(" and j.dueAt < :now and j.status in :unfinished");
            params.put("now", Instant.now());
            params.put("unfinished", unfinished());
        }
        String who = mine ? currentUser : blankToNull(submitter);
        if (who != null) {
            where.append(" and j.submittedBy = :who");
            params.put("who", who.toLowerCase(Locale.ROOT));
        }
        LocalDate fromDate = date(from);
        if (fromDate != null) {
            where.append(" and j.createdAt >= :from");
            params.put("from", fromDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        LocalDate toDate = date(to);
        if (toDate != null) {
            where.append(" and j.createdAt < :to");
            params.put("to", toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        String search = blankToNull(q);
        if (search != null) {
            where.append(" and (lower(j.name) like :search escape '\\' or j.claudioReference = :reference)");
            params.put("search", "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("reference", search);
        }
        Object[] cursor = cursor();
        if (cursor != null) {
            // the first condition alone is what lets the index seek to the cursor instead of scanning to it
            where.append(" and j.createdAt <= :ts and (j.createdAt < :ts or (j.createdAt = :ts and j.id < :id))");
            params.put("ts", cursor[0]);
            params.put("id", cursor[1]);
        }
        // no join with profile: it would make the planner fetch and sort every match of a search
        TypedQuery<JobRow> query = em.createQuery("select new com.claudioportal.job.JobRow(j.id, j.name, j.profileId, "
                + "j.submittedByName, j.submittedBy, j.status, j.createdAt, j.updatedAt, j.claudioReference, j.dueAt, j.stuckReason) "
                + "from Job j " + where + " order by j.createdAt desc, j.id desc", JobRow.class);
        params.forEach(query::setParameter);
        Map<Long, String> profileNames = new java.util.HashMap<>();
        Profile.<Profile> listAll().forEach(p -> profileNames.put(p.id, p.displayName));
        List<JobRow> rows = new ArrayList<>(query.setMaxResults(PAGE_SIZE + 1).getResultList().stream()
                .map(r -> r.withProfileName(profileNames.get(r.profileId()))).toList());
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            JobRow last = rows.get(PAGE_SIZE - 1);
            next = micros(last.createdAt()) + "_" + last.id();
        }
        return new Page(rows, next);
    }

    /** The query string for the next page, keeping every filter. */
    public String nextLink(String cursor) {
        StringBuilder s = new StringBuilder("?after=").append(cursor);
        append(s, "status", status);
        append(s, "profile", profile == null ? null : profile.toString());
        append(s, "submitter", submitter);
        append(s, "mine", mine ? "true" : null);
        append(s, "late", late ? "true" : null);
        append(s, "from", from);
        append(s, "to", to);
        append(s, "q", q);
        return s.toString();
    }

    public boolean filtered() {
        return state() != null || profile != null || blankToNull(submitter) != null || mine || late || date(from) != null
                || date(to) != null || blankToNull(q) != null;
    }

    /** The active tenant's jobs past their due time that are not finished (the dashboard's count). */
    public static long lateCount() {
        return Job.count("dueAt < ?1 and status in ?2", Instant.now(), unfinished());
    }

    private static List<JobState> unfinished() {
        return java.util.Arrays.stream(JobState.values()).filter(s -> !s.isFinished()).toList();
    }

    JobState state() {
        try {
            return status == null || status.isBlank() ? null : JobState.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Object[] cursor() {
        if (after == null || !after.matches("\\d{1,20}_\\d{1,19}")) {
            return null;
        }
        String[] parts = after.split("_");
        long micros = Long.parseLong(parts[0]);
        return new Object[] { Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000), Long.parseLong(parts[1]) };
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
