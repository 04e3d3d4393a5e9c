package com.claudioportal.turnaround;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart as data (labels and series of values) and the same data drawn as SVG shapes. The
 * page renders both from this one object, the shapes as an SVG (each mark carries its series,
 * label and value as data attributes) and the values as a table for screen readers, so the two
 * can never disagree. Colours come from CSS classes (the CSP forbids inline styles). The figures are
 * written as people of the reader's language write them ({@code locale}: "4.5" or "4,5").
 */
public record Chart(String id, String title, String help, String unit, String labelHeading, List<String> labels, List<Series> series,
        boolean stacked, Svg svg, Locale locale) {

    /** A named row of values, one per label; null where there is no data. */
    public record Series(String key, String name, List<Double> values) {
    }

    /** The drawing; {@code left}, {@code right} and {@code bottom} bound the plot area (the axis is drawn at {@code bottom}). */
    public record Svg(int width, int height, List<Tick> yTicks, List<Tick> xTicks, List<Line> lines, List<Mark> marks) {
        public int left() {
            return LEFT;
        }

        public int right() {
            return width - RIGHT;
        }

        public int bottom() {
            return height - BOTTOM;
        }
    }

    /** An axis label; a {@code minor} one is hidden on narrow screens, where every second label would overlap. */
    public record Tick(double x, double y, String text, boolean minor) {
    }

    /** A polyline of a series ({@code points} in SVG syntax). */
    public record Line(String series, String points) {
    }

    /** A dot (line charts) or a bar segment (bar charts); {@code value} is the datum, as the table shows it. */
    public record Mark(String kind, String series, String label, String value, double x, double y, double w, double h) {
    }

    static final int W = 760;
    static final int H = 260;
    static final int LEFT = 60;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 36;

    /** Median and 90th percentile lines. */
    static Chart lines(String id, String title, String help, String unit, String labelHeading, List<String> labels, List<Series> series,
            Locale locale) {
        double max = niceMax(series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0));
        List<Line> lines = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < labels.size(); i++) {
                Double v = s.values().get(i);
                if (v == null) {
                    // a gap: start a new line after it
                    if (points.length() > 0) {
                        lines.add(new Line(s.key(), points.toString().trim()));
                        points.setLength(0);
                    }
                    continue;
                }
                double x = round(x(i, labels.size()));
                double y = round(y(v, max));
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                marks.add(new Mark("dot", s.key(), labels.get(i), number(v, locale), x, y, 0, 0));
            }
            if (points.length() > 0) {
                lines.add(new Line(s.key(), points.toString().trim()));
            }
        }
        return new Chart(id, title, help, unit, labelHeading, labels, series, false,
                new Svg(W, H, yTicks(max, locale), xTicks(labels, false), lines, marks), locale);
    }

    /** Bars, stacked when there are several series. */
    static Chart bars(String id, String title, String help, String unit, String labelHeading, List<String> labels, List<Series> series,
            Locale locale) {
        double top = 0;
        for (int i = 0; i < labels.size(); i++) {
            double sum = 0;
            for (Series s : series) {
                sum += s.values().get(i) == null ? 0 : s.values().get(i);
            }
            top = Math.max(top, sum);
        }
        double max = niceMax(top);
        List<Mark> marks = new ArrayList<>();
        double slot = (W - LEFT - RIGHT) / (double) labels.size();
        double barWidth = Math.max(2, slot * 0.7);
        for (int i = 0; i < labels.size(); i++) {
            double base = 0;
            for (Series s : series) {
                double v = s.values().get(i) == null ? 0 : s.values().get(i);
                double y0 = y(base, max);
                double y1 = y(base + v, max);
                marks.add(new Mark("bar", s.key(), labels.get(i), number(v, locale), round(LEFT + slot * i + (slot - barWidth) / 2), round(y1),
                        round(barWidth), round(Math.max(0, y0 - y1))));
                base += v;
            }
        }
        return new Chart(id, title, help, unit, labelHeading, labels, series, series.size() > 1,
                new Svg(W, H, yTicks(max, locale), xTicks(labels, true), List.of(), marks), locale);
    }

    /** The value the table shows for series {@code s} at label {@code i}. */
    public String cell(Series s, int i) {
        return number(s.values().get(i), locale);
    }

    /** The labels' heading as the description's sentence names the horizontal axis ("week of"). */
    public String axisName() {
        return labelHeading.toLowerCase(locale);
    }

    /** A figure as people of this language write it: "4.5" or "4,5"; a dash where there is no data. */
    static String number(Double value, Locale locale) {
        if (value == null) {
            return "\u2014";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(value == Math.rint(value) ? 0 : 1);
        return f.format(value);
    }

    private static double x(int i, int n) {
        double span = W - LEFT - RIGHT;
        return n <= 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1);
    }

    private static double y(double v, double max) {
        return TOP + (H - TOP - BOTTOM) * (1 - (max <= 0 ? 0 : v / max));
    }

    private static List<Tick> yTicks(double max, Locale locale) {
        List<Tick> ticks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            ticks.add(new Tick(LEFT - 6, round(y(v, max)), number(Math.round(v * 10) / 10.0, locale), false));
        }
        return ticks;
    }

    /** Every label for a few, every n-th for many, so they do not overlap. */
    private static List<Tick> xTicks(List<String> labels, boolean bars) {
        List<Tick> ticks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(labels.size() / 12.0));
        double slot = (W - LEFT - RIGHT) / (double) labels.size();
        for (int i = 0, shown = 0; i < labels.size(); i += every, shown++) {
            double x = bars ? LEFT + slot * i + slot / 2 : x(i, labels.size());
            ticks.add(new Tick(round(x), H - BOTTOM + 16, labels.get(i), shown % 2 == 1));
        }
        return ticks;
    }

    /** A round top for the axis: 1, 2, 5 × 10ⁿ steps. */
    static double niceMax(double v) {
        if (v <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** Coordinates to a tenth of a unit: finer is invisible and only makes the page heavier. */
    static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
