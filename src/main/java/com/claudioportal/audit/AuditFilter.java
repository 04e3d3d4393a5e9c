package com.claudioportal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jboss.resteasy.reactive.RestQuery;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Words;
import com.claudioportal.forms.TimeZoneChoice;

/**
 * The audit page's filters, from the query string: dates (UTC days, both included), person,
 * group of actions or one action, target (one job: {@code job=17}, or any {@code target=type:id})
 * and outcome. {@link #check} reads them; a value that does not read is explained beside its field.
 */
public class AuditFilter {

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    @RestQuery
    public String actor;

    @RestQuery
    public String group;

    @RestQuery
    public String action;

    @RestQuery
    public String job;

    @RestQuery
    public String target;

    @RestQuery
    public String outcome;

    /** Parsed values; null where a filter is not set. */
    LocalDate fromDay;
    LocalDate toDay;
    AuditGroup groupValue;
    AuditOutcome outcomeValue;
    String targetType;
    String targetId;

    /** Reads the filters; the problems are keyed by field. */
    public FormErrors check() {
        FormErrors errors = FormErrors.none();
        fromDay = day(from, "from", errors);
        toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", Words.of(AuditMessages.class).msg_end_before_start());
        }
        actor = blankToNull(actor);
        if (actor != null) {
            actor = actor.toLowerCase(Locale.ROOT);
        }
        action = blankToNull(action);
        groupValue = choice(AuditGroup.class, group, "group", Words.of(AuditMessages.class).msg_choose_kind(), errors);
        if (groupValue != null) {
            group = groupValue.name();
        }
        outcomeValue = choice(AuditOutcome.class, outcome, "outcome", Words.of(AuditMessages.class).msg_choose_outcome(), errors);
        if (outcomeValue != null) {
            outcome = outcomeValue.name();
        }
        targetType = null;
        targetId = null;
        if (blankToNull(job) != null) {
            if (!job.trim().matches("\\d{1,18}")) {
                errors.add("job", Words.of(AuditMessages.class).msg_job_number());
            } else {
                targetType = "job";
                targetId = job.trim();
            }
        } else if (blankToNull(target) != null) {
            int colon = target.indexOf(':');
            if (colon < 1 || colon == target.length() - 1) {
                errors.add("target", Words.of(AuditMessages.class).msg_target());
            } else {
                targetType = target.substring(0, colon).trim();
                targetId = target.substring(colon + 1).trim();
            }
        }
        return errors;
    }

    private static LocalDate day(String value, String field, FormErrors errors) {
        return read(value, LocalDate::parse, field, Words.of(AuditMessages.class).msg_date(), errors);
    }

    /** The constant a filter names (in any case), or null: when it is blank, or names none ({@code problem} then). */
    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String problem, FormErrors errors) {
        return read(value, v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)), field, problem, errors);
    }

    /** A filter value as {@code parse} reads it (trimmed), or null: when it is blank, or does not read ({@code problem} then). */
    private static <T> T read(String value, Function<String, T> parse, String field, String problem, FormErrors errors) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return parse.apply(value.trim());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            errors.add(field, problem);
            return null;
        }
    }

    public boolean any() {
        return fromDay != null || toDay != null || actor != null || groupValue != null || action != null || targetType != null
                || outcomeValue != null;
    }

    /** The start of the "from" day in the reader's time zone (the days people type are their own). */
    Instant fromInstant() {
        return fromDay == null ? null : fromDay.atStartOfDay(TimeZoneChoice.current()).toInstant();
    }

    /** Exclusive: the start of the day after {@code to}. */
    Instant toInstant() {
        return toDay == null ? null : toDay.plusDays(1).atStartOfDay(TimeZoneChoice.current()).toInstant();
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public boolean forOneJob() {
        return "job".equals(targetType);
    }

    /** The filters as a query string for links (paging, export), without a leading '?'. */
    public String query() {
        StringBuilder q = new StringBuilder();
        summary().forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** The filters set, as recorded with a view or an export of the log. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        if (fromDay != null) {
            s.put("from", fromDay.toString());
        }
        if (toDay != null) {
            s.put("to", toDay.toString());
        }
        if (actor != null) {
            s.put("actor", actor);
        }
        if (groupValue != null) {
            s.put("group", groupValue.name());
        }
        if (action != null) {
            s.put("action", action);
        }
        if (forOneJob()) {
            s.put("job", targetId);
        } else if (targetType != null) {
            s.put("target", targetType + ":" + targetId);
        }
        if (outcomeValue != null) {
            s.put("outcome", outcomeValue.name());
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
