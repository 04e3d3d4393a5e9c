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
    public static final java.time.Duration DUE_SOON = java.time.Duration.ofHours(24);

    public String status;
    public Long profile;
    public String submitter;
    public boolean mine;
    public String from;
    public String to;
    public String q;
    /** Only jobs past their due time that are not finished ("overdue"). */
    public boolean late;
    /** Only unfinished jobs due today (UTC). */
    public boolean dueToday;
    /** Only unfinished jobs due within the next {@link #DUE_SOON} (overdue ones included): the dashboard's panel. */
    public boolean dueSoon;
    /** Only urgent and stat jobs. */
    public boolean urgent;
    /** "due": soonest due first; anything else: newest first. */
    public String sort;
    /** Cursor: "&lt;epoch micros&gt;_&lt;id&gt;" of the last row of the previous page. */
    public String after;
    /** What could not be read from the query string, in words; those filters are left out. */
    public final List<String> problems = new ArrayList<>();

    static final int MAX_SEARCH = 200;

    public record Page(List<JobRow> rows, String nextCursor) {
    }

    /**
     * Checks what came from the query string, which anyone can write by hand: a value that cannot
     * be read (a date like +999999999-12-31, a 20-digit cursor, an unknown status) is explained and
     * left out, and the list is shown without it rather than an error page.
     */
    public JobQuery checked() {
        if (status != null && !status.isBlank() && state() == null) {
            problems.add("There is no status \u201c" + shorten(status) + "\u201d, so the list shows every status.");
            status = null;
        }
        from = checkedDate(from, "from");
        to = checkedDate(to, "to");
        if (after != null && !after.isBlank() && cursor() == null) {
            problems.add("The link to older jobs was not understood, so the list starts with the newest.");
            after = null;
        }
        if (q != null && q.strip().length() > MAX_SEARCH) {
            problems.add("Search for at most " + MAX_SEARCH + " characters of a job name or a Claudio reference.");
            q = null;
        }
        if (submitter != null && submitter.strip().length() > 320) {
            problems.add("The submitter was not understood, so jobs of every submitter are shown.");
            submitter = null;
        }
        return this;
    }

    private String checkedDate(String value, String which) {
        if (value == null || value.isBlank() || date(value) != null) {
            return value;
        }
        problems.add("The date \u201c" + shorten(value) + "\u201d (" + which + ") was not understood: use year-month-day, like 2026-03-14.");
        return null;
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "\u2026" : t;
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
        if (dueToday) {
            Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
            where.append(" and j.dueAt >= :todayStart and j.dueAt < :todayEnd and j.status in :unfinished");
            params.put("todayStart", today);
            params.put("todayEnd", today.plus(1, java.time.temporal.ChronoUnit.DAYS));
            params.put("unfinished", unfinished());
        }
        if (dueSoon) {
            where.append(" and j.dueAt < :soon and j.status in :unfinished");
            params.put("soon", Instant.now().plus(DUE_SOON));
            params.put("unfinished", unfinished());
        }
        if (urgent) {
            where.append(" and j.priority in :urgent");
            params.put("urgent", List.of(JobPriority.URGENT, JobPriority.STAT));
        }
        boolean byDue = byDue();
        if (byDue) {
            where.append(" and j.dueAt is not null");
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
        if (cursor != null && byDue) {
            where.append(" and j.dueAt >= :ts and (j.dueAt > :ts or (j.dueAt = :ts and j.id > :id))");
            params.put("ts", cursor[0]);
            params.put("id", cursor[1]);
        } else if (cursor != null) {
            // the first condition alone is what lets the index seek to the cursor instead of scanning to it
            where.append(" and j.createdAt <= :ts and (j.createdAt < :ts or (j.createdAt = :ts and j.id < :id))");
            params.put("ts", cursor[0]);
            params.put("id", cursor[1]);
        }
        // no join with profile: it would make the planner fetch and sort every match of a search
        TypedQuery<JobRow> query = em.createQuery("select new com.claudioportal.job.JobRow(j.id, j.name, j.profileId, "
                + "j.submittedByName, j.submittedBy, j.status, j.createdAt, j.updatedAt, j.claudioReference, j.dueAt, j.stuckReason, "
                + "j.priority, j.contentErasedAt) from Job j " + where
                + (byDue ? " order by j.dueAt asc, j.id asc" : " order by j.createdAt desc, j.id desc"), JobRow.class);
        params.forEach(query::setParameter);
        Map<Long, String> profileNames = new java.util.HashMap<>();
        Profile.<Profile> listAll().forEach(p -> profileNames.put(p.id, p.displayName));
        List<JobRow> rows = new ArrayList<>(query.setMaxResults(PAGE_SIZE + 1).getResultList().stream()
                .map(r -> r.withProfileName(profileNames.get(r.profileId()))).toList());
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            JobRow last = rows.get(PAGE_SIZE - 1);
            next = micros(byDue ? last.dueAt() : last.createdAt()) + "_" + last.id();
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
        append(s, "dueToday", dueToday ? "true" : null);
        append(s, "urgent", urgent ? "true" : null);
        append(s, "sort", byDue() ? "due" : null);
        append(s, "from", from);
        append(s, "to", to);
        append(s, "q", q);
        return s.toString();
    }

    public boolean filtered() {
        return state() != null || profile != null || blankToNull(submitter) != null || mine || late || dueToday || urgent
                || dueSoon || date(from) != null
                || date(to) != null || blankToNull(q) != null;
    }

    /** The active tenant's jobs past their due time that are not finished (the dashboard's count). */
    public static long lateCount() {
        return Job.count("dueAt < ?1 and status in ?2", Instant.now(), unfinished());
    }

    public boolean byDue() {
        return "due".equals(sort);
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

    /** The cursor's time and id, or null when it is not one this page wrote (too long, out of range). */
    private Object[] cursor() {
        if (after == null || !after.matches("\\d{1,18}_\\d{1,18}")) {
            return null;
        }
        String[] parts = after.split("_");
        long micros = Long.parseLong(parts[0]);
        if (micros > MAX_MICROS) {
            return null;
        }
        return new Object[] { Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000), Long.parseLong(parts[1]) };
    }

    /** 9999-12-31, in microseconds since 1970: later cursors cannot come from a job. */
    private static final long MAX_MICROS = 253_402_300_799_000_000L;

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /** A year-month-day between 1900 and 9998 (so the day after it exists), or null. */
    private static LocalDate date(String s) {
        if (s == null || s.isBlank() || !s.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s.trim());
            return d.getYear() >= 1900 && d.getYear() <= 9998 ? d : null;
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
