package com.claudioportal.job;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.profile.Profile;
import com.claudioportal.forms.TimeZoneChoice;

/**
 * The job list's filters and keyset paging. Pages are "the next 50 older than the last one seen",
 * ordered by (created_at, id) on indexes that lead with the tenant, so page 1 and page 20,000 cost
 * the same whether the tenant has ten thousand jobs or a million.
 */
public class JobQuery {

    public static final int PAGE_SIZE = 50;
    public static final Duration DUE_SOON = Duration.ofHours(24);

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
    /** "due": soonest due first; "updated": last changed first; anything else: newest submitted first. */
    public String sort;
    /** Cursor: "&lt;epoch micros&gt;_&lt;id&gt;" of the last row of the previous page (the next, older page). */
    public String after;
    /** Cursor of the first row of the page shown: the page before it (newer jobs, or sooner due). */
    public String before;
    /** What could not be read from the query string, in words; those filters are left out. */
    public final List<String> problems = new ArrayList<>();

    static final int MAX_SEARCH = 200;

    /** The status filter's "IN_PROGRESS": every state between the form and the transcript (the dashboard's count). */
    public static final String IN_PROGRESS_FILTER = "IN_PROGRESS";
    public static final List<JobState> IN_PROGRESS = List.of(JobState.QUEUED, JobState.UPLOADING, JobState.SUBMITTING, JobState.SUBMITTED);

    /**
     * One page: its rows, the cursors of the pages after and before it (null when there are none), how
     * many jobs match the filters on all pages, and whether it was reached by a cursor (not the first).
     */
    public record Page(List<JobRow> rows, String nextCursor, String previousCursor, long total, boolean paged) {
    }

    /**
     * Checks what came from the query string, which anyone can write by hand: a value that cannot
     * be read (a date like +999999999-12-31, a 20-digit cursor, an unknown status) is explained and
     * left out, and the list is shown without it rather than an error page.
     */
    public JobQuery checked() {
        if (status != null && !status.isBlank() && state() == null && !inProgress()) {
            problems.add(Words.of(JobMessages.class).list_bad_status(shorten(status)));
            status = null;
        }
        from = checkedDate(from, "from");
        to = checkedDate(to, "to");
        if (after != null && !after.isBlank() && cursor(after) == null) {
            problems.add(Words.of(JobMessages.class).list_bad_older());
            after = null;
        }
        if (before != null && !before.isBlank() && cursor(before) == null) {
            problems.add(Words.of(JobMessages.class).list_bad_newer());
            before = null;
        }
        if (q != null && q.strip().length() > MAX_SEARCH) {
            problems.add(Words.of(JobMessages.class).list_search_too_long(MAX_SEARCH));
            q = null;
        }
        if (submitter != null && submitter.strip().length() > 320) {
            problems.add(Words.of(JobMessages.class).list_bad_submitter());
            submitter = null;
        }
        return this;
    }

    private String checkedDate(String value, String which) {
        if (value == null || value.isBlank() || date(value) != null) {
            return value;
        }
        problems.add(Words.of(JobMessages.class).list_bad_date(shorten(value), which.equals("from")));
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
        } else if (inProgress()) {
            where.append(" and j.status in :inProgress");
            params.put("inProgress", IN_PROGRESS);
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
            // "today" and the typed days are the reader's (their time zone), not UTC's
            java.time.ZoneId zone = TimeZoneChoice.current();
            Instant today = LocalDate.now(zone).atStartOfDay(zone).toInstant();
            where.append(" and j.dueAt >= :todayStart and j.dueAt < :todayEnd and j.status in :unfinished");
            params.put("todayStart", today);
            params.put("todayEnd", today.plus(1, ChronoUnit.DAYS));
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
        String column = byDue ? "j.dueAt" : byUpdated() ? "j.updatedAt" : "j.createdAt";
        String who = mine ? currentUser : blankToNull(submitter);
        if (who != null) {
            where.append(" and j.submittedBy = :who");
            params.put("who", who.toLowerCase(Locale.ROOT));
        }
        LocalDate fromDate = date(from);
        if (fromDate != null) {
            where.append(" and j.createdAt >= :from");
            params.put("from", fromDate.atStartOfDay(TimeZoneChoice.current()).toInstant());
        }
        LocalDate toDate = date(to);
        if (toDate != null) {
            where.append(" and j.createdAt < :to");
            params.put("to", toDate.plusDays(1).atStartOfDay(TimeZoneChoice.current()).toInstant());
        }
        // every word, in any order, in the job's name or at the start of its Claudio reference ("mrs smith")
        List<String> words = words(q);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" and (lower(j.name) like :w").append(i).append(" escape '\\' or lower(j.claudioReference) like :r")
                    .append(i).append(" escape '\\')");
            params.put("w" + i, "%" + word + "%");
            params.put("r" + i, word + "%");
        }
        long total = count(em, where.toString(), params);
        // a page in display order (ascending for due times, descending for the others) after the cursor;
        // "before" reads the other way from the first row shown and turns the rows round
        boolean backwards = cursor(before) != null;
        Object[] cursor = backwards ? cursor(before) : cursor(after);
        boolean ascending = byDue != backwards;
        if (cursor != null) {
            String op = ascending ? ">" : "<";
            // the first condition alone is what lets the index seek to the cursor instead of scanning to it
            where.append(" and ").append(column).append(' ').append(op).append("= :ts and (").append(column).append(' ').append(op)
                    .append(" :ts or (").append(column).append(" = :ts and j.id ").append(op).append(" :id))");
            params.put("ts", cursor[0]);
            params.put("id", cursor[1]);
        }
        String direction = ascending ? " asc" : " desc";
        // no join with profile: it would make the planner fetch and sort every match of a search
        TypedQuery<JobRow> query = em.createQuery("select new com.claudioportal.job.JobRow(j.id, j.name, j.profileId, "
                + "j.submittedByName, j.submittedBy, j.status, j.createdAt, j.updatedAt, j.claudioReference, j.dueAt, j.stuckReason, "
                + "j.stuckReasonCode, j.stuckReasonParams, j.priority, j.contentErasedAt) from Job j " + where
                + " order by " + column + direction + ", j.id" + direction, JobRow.class);
        params.forEach(query::setParameter);
        Map<Long, String> profileNames = new java.util.HashMap<>();
        Profile.<Profile> listAll().forEach(p -> profileNames.put(p.id, p.displayName));
        List<JobRow> rows = new ArrayList<>(query.setMaxResults(PAGE_SIZE + 1).getResultList().stream()
                .map(r -> r.withProfileName(profileNames.get(r.profileId()))).toList());
        boolean more = rows.size() > PAGE_SIZE;
        if (more) {
            rows = new ArrayList<>(rows.subList(0, PAGE_SIZE));
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page(rows, null, null, total, cursor != null);
        }
        String first = key(rows.get(0), byDue, byUpdated());
        String last = key(rows.get(rows.size() - 1), byDue, byUpdated());
        // forwards: older pages when there were more rows, newer ones whenever we came by a cursor;
        // backwards: the page we came from is older, newer ones when there were more rows
        String next = backwards || more ? last : null;
        String previous = backwards ? (more ? first : null) : (cursor != null ? first : null);
        return new Page(rows, next, previous, total, cursor != null);
    }

    private static long count(EntityManager em, String where, Map<String, Object> params) {
        TypedQuery<Long> count = em.createQuery("select count(j) from Job j " + where, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private static String key(JobRow row, boolean byDue, boolean byUpdated) {
        return micros(byDue ? row.dueAt() : byUpdated ? row.updatedAt() : row.createdAt()) + "_" + row.id();
    }

    /** The search's words (at most 8; more narrow nothing a clinic types). */
    static List<String> words(String q) {
        String search = blankToNull(q);
        if (search == null) {
            return List.of();
        }
        return Arrays.stream(search.split("\\s+")).filter(w -> !w.isEmpty()).distinct().limit(8).toList();
    }

    /** "about 1,240 jobs": exact up to a thousand, then to three figures (the list changes while one reads). */
    public static String countInWords(long total) {
        if (total == 1) {
            return "1 job";
        }
        return (approximate(total) ? "about " : "") + String.format(Locale.ROOT, "%,d", shownCount(total)) + " jobs";
    }

    /** Counts from a thousand up are shown to three figures. */
    public static boolean approximate(long total) {
        return total >= 1000;
    }

    /** The count as shown: exact below a thousand, else rounded to three figures. */
    public static long shownCount(long total) {
        if (!approximate(total)) {
            return total;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(total)) - 2);
        return Math.round(total / magnitude) * (long) magnitude;
    }

    /** The query string for the next page, keeping every filter. */
    public String nextLink(String cursor) {
        return link("after", cursor);
    }

    /** The query string for the page before, keeping every filter. */
    public String previousLink(String cursor) {
        return link("before", cursor);
    }

    /** The query string for the first page, keeping every filter. */
    public String firstLink() {
        return link(null, null);
    }

    private String link(String direction, String cursor) {
        StringBuilder s = new StringBuilder("?");
        if (direction != null) {
            s.append(direction).append('=').append(cursor);
        }
        append(s, "status", status);
        append(s, "profile", profile == null ? null : profile.toString());
        append(s, "submitter", submitter);
        append(s, "mine", mine ? "true" : null);
        append(s, "late", late ? "true" : null);
        append(s, "dueToday", dueToday ? "true" : null);
        append(s, "urgent", urgent ? "true" : null);
        append(s, "sort", byDue() ? "due" : byUpdated() ? "updated" : null);
        append(s, "from", from);
        append(s, "to", to);
        append(s, "q", q);
        String link = s.toString().replace("?&", "?");
        return link.equals("?") ? "" : link;
    }

    public boolean filtered() {
        return state() != null || inProgress() || profile != null || blankToNull(submitter) != null || mine || late || dueToday || urgent
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

    public boolean byUpdated() {
        return "updated".equals(sort);
    }

    private static List<JobState> unfinished() {
        return Arrays.stream(JobState.values()).filter(s -> !s.isFinished()).toList();
    }

    boolean inProgress() {
        return IN_PROGRESS_FILTER.equals(status);
    }

    JobState state() {
        try {
            return status == null || status.isBlank() ? null : JobState.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The cursor's time and id, or null when it is not one this page wrote (too long, out of range). */
    private static Object[] cursor(String value) {
        if (value == null || !value.matches("\\d{1,18}_\\d{1,18}")) {
            return null;
        }
        String[] parts = value.split("_");
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
            s.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
