package com.claudioportal.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit page's small chart: events per day, stacked by group, drawn as SVG on the server (no
 * script, no inline style: colours come from CSS classes). {@link #days} is the same data as a
 * table, for screen readers and for reading exact numbers. Drawn once, by {@link #of}, in a
 * {@code width} × {@code height} box with the axis at {@code baseline}.
 */
public record ActivityChart(List<Day> days, List<Bar> bars, List<Tick> ticks, long max, int width, int height, int baseline) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 120;
    static final int BOTTOM = 18;

    /** One group's part of one day's stack; the page words its tooltip in the reader's language. */
    public record Bar(int x, int y, int width, int height, AuditGroup group, LocalDate day, long count) {
        public String css() {
            return "chart-" + group.css();
        }
    }

    public record Day(LocalDate day, long access, long changes, long security, long jobs) {
        public long total() {
            return access + changes + security + jobs;
        }
    }

    /** A day's label under the axis; the last one ends at its bar's right edge so it is not cut off at the chart's edge. */
    public record Tick(int x, String label, boolean last) {
    }

    public static ActivityChart of(LocalDate from, LocalDate to, Map<LocalDate, Map<AuditGroup, Long>> counts) {
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<AuditGroup, Long> c = counts.getOrDefault(d, Map.of());
            days.add(new Day(d, c.getOrDefault(AuditGroup.ACCESS, 0L), c.getOrDefault(AuditGroup.CHANGES, 0L),
                    c.getOrDefault(AuditGroup.SECURITY, 0L), c.getOrDefault(AuditGroup.JOBS, 0L)));
        }
        long max = Math.max(1, days.stream().mapToLong(Day::total).max().orElse(1));
        int slot = WIDTH / Math.max(1, days.size());
        int barWidth = Math.max(2, slot - 2);
        int plot = HEIGHT - BOTTOM;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            int x = i * slot + 1;
            long[] values = { d.access(), d.changes(), d.security(), d.jobs() };
            AuditGroup[] groups = AuditGroup.values();
            double scale = (plot - 4) / (double) max;
            long below = 0;
            for (int g = 0; g < groups.length; g++) {
                if (values[g] == 0) {
                    continue;
                }
                // rounded at the running total, so the stack is exactly as high as the day's total
                int bottom = plot - (int) Math.round(below * scale);
                below += values[g];
                int top = Math.min(bottom - 1, plot - (int) Math.round(below * scale));
                bars.add(new Bar(x, top, barWidth, bottom - top, groups[g], d.day(), values[g]));
            }
            boolean last = i == days.size() - 1;
            if (i % 7 == 0 && days.size() - i > 3 || last) {
                ticks.add(new Tick(last ? x + barWidth : x, d.day().toString().substring(5), last));
            }
        }
        return new ActivityChart(List.copyOf(days), List.copyOf(bars), List.copyOf(ticks), max, WIDTH, HEIGHT, plot);
    }

    public LocalDate from() {
        return days.get(0).day();
    }

    public LocalDate to() {
        return days.get(days.size() - 1).day();
    }

    public long total() {
        return days.stream().mapToLong(Day::total).sum();
    }
}
