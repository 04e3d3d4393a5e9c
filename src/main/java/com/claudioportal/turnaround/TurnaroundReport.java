package com.claudioportal.turnaround;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.claudioportal.forms.Words;
import com.claudioportal.job.JobState;
import com.claudioportal.profile.Profile;

import io.quarkus.panache.common.Sort;

/**
 * The turnaround page's figures for the active tenant, from the job table (tenant-scoped like
 * every query): per profile the median and 90th percentile turnaround per week (saved → transcript,
 * by the week it completed, last 12 weeks), jobs per day by outcome (by the day saved, last 28
 * days), late jobs per week (by the week they were due). Weeks start on Monday, in UTC. Words,
 * figures and dates are in the reader's language (settings.LanguageChoice), as on every page.
 */
@ApplicationScoped
public class TurnaroundReport {

    static final int WEEKS = 12;
    static final int DAYS = 28;

    /** One job as the figures need it: metadata only. */
    record Row(Long profileId, Instant createdAt, Instant completedAt, JobState status, Instant dueAt) {
    }

    public record Report(List<Chart> turnaround, Chart perDay, Chart late) {
    }

    @Inject
    EntityManager em;

    public Report build(Instant now) {
        TurnaroundMessages words = Words.of(TurnaroundMessages.class);
        boolean french = Words.french();
        Locale locale = Words.locale();
        // a week's or a day's label: "Mar 3" or "3 mars"
        DateTimeFormatter shortDate = DateTimeFormatter.ofPattern(french ? "d MMM" : "MMM d", locale);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        LocalDate firstDay = today.minusDays(DAYS - 1);
        // jobs saved a little before the first week may complete within it
        Instant since = firstWeek.minusWeeks(4).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Row> rows = em.createQuery("select new com.claudioportal.turnaround.TurnaroundReport$Row(j.profileId, j.createdAt, "
                + "j.completedAt, j.status, j.dueAt) from Job j where j.createdAt >= :since", Row.class)
                .setParameter("since", since).getResultList();

        List<String> weekLabels = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            weekLabels.add(shortDate.format(firstWeek.plusWeeks(w)));
        }
        List<Chart> turnaround = new ArrayList<>();
        for (Profile p : Profile.<Profile> listAll(Sort.by("displayName"))) {
            List<List<Double>> hours = new ArrayList<>();
            for (int w = 0; w < WEEKS; w++) {
                hours.add(new ArrayList<>());
            }
            for (Row r : rows) {
                if (p.id.equals(r.profileId()) && r.status() == JobState.COMPLETED && r.completedAt() != null) {
                    int w = weekIndex(r.completedAt(), firstWeek);
                    if (w >= 0 && w < WEEKS) {
                        hours.get(w).add(Duration.between(r.createdAt(), r.completedAt()).toSeconds() / 3600.0);
                    }
                }
            }
            if (hours.stream().allMatch(List::isEmpty)) {
                continue;
            }
            List<Double> median = new ArrayList<>();
            List<Double> p90 = new ArrayList<>();
            for (List<Double> h : hours) {
                median.add(percentile(h, 0.5));
                p90.add(percentile(h, 0.9));
            }
            turnaround.add(Chart.lines("turnaround-" + p.id, words.turnaround_title(p.displayName), words.turnaround_help(), words.hours(),
                    words.week(), weekLabels, List.of(new Chart.Series("median", words.median(), median),
                            new Chart.Series("p90", words.p90(), p90)), locale));
        }

        List<String> dayLabels = new ArrayList<>();
        double[][] outcome = new double[4][DAYS];
        for (int d = 0; d < DAYS; d++) {
            dayLabels.add(shortDate.format(firstDay.plusDays(d)));
        }
        for (Row r : rows) {
            int d = (int) ChronoUnit.DAYS.between(firstDay, r.createdAt().atZone(ZoneOffset.UTC).toLocalDate());
            if (d >= 0 && d < DAYS) {
                outcome[switch (r.status()) {
                    case COMPLETED -> 0;
                    case FAILED -> 1;
                    case CANCELLED -> 2;
                    default -> 3;
                }][d]++;
            }
        }
        Chart perDay = Chart.bars("jobs-per-day", words.jobs_per_day_title(), words.jobs_per_day_help(), words.jobs(), words.day(), dayLabels,
                List.of(new Chart.Series("completed", words.completed(), list(outcome[0])),
                        new Chart.Series("failed", words.failed(), list(outcome[1])),
                        new Chart.Series("cancelled", words.cancelled(), list(outcome[2])),
                        new Chart.Series("open", words.open(), list(outcome[3]))), locale);

        double[] late = new double[WEEKS];
        for (Row r : rows) {
            if (r.dueAt() == null || !r.dueAt().isBefore(now)) {
                continue;
            }
            boolean wasLate = r.status() == JobState.COMPLETED ? r.completedAt() != null && r.completedAt().isAfter(r.dueAt())
                    : !r.status().isFinished();
            int w = weekIndex(r.dueAt(), firstWeek);
            if (wasLate && w >= 0 && w < WEEKS) {
                late[w]++;
            }
        }
        Chart lateChart = Chart.bars("late-per-week", words.late_title(), words.late_help(), words.jobs(), words.week(), weekLabels,
                List.of(new Chart.Series("late", words.late(), list(late))), locale);
        return new Report(turnaround, perDay, lateChart);
    }

    private static int weekIndex(Instant at, LocalDate firstWeek) {
        LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(firstWeek, d), 7);
    }

    /** Linear interpolation between the closest ranks (as PostgreSQL's percentile_cont); null without data. */
    static Double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        double v = sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
        return Math.round(v * 10) / 10.0;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
