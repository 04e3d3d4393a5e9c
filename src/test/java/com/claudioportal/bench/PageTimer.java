package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the page benchmarks (job list, audit log) share: one HTML page fetched with a query per
 * variant, warm-up rounds, then timed requests round-robin over the variants (so that anything else
 * the machine does meanwhile hits them alike), one request at a time, from sending the request to
 * having read the whole answer; p50, p95, max and the rows the page showed.
 */
final class PageTimer {

    record Variant(String label, String query) {
    }

    record Timing(double p50, double p95, double max, int rows) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String page;
    private final Pattern row;

    /** {@code page}: the page's absolute URL without a query; {@code row}: what marks one row in it (group 1 = its key). */
    PageTimer(String page, Pattern row) {
        this.page = page;
        this.row = row;
    }

    /** The page with {@code query} (may be empty) as HTML; fails the benchmark unless it is a 200. */
    String get(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(page + (query.isEmpty() ? "" : "?" + query)))
                .header("Accept", "text/html").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> query + ": " + response.body());
        return response.body();
    }

    int rows(String html) {
        Matcher m = row.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * {@code rounds} warm-up rounds of {@code each} requests per variant, then {@code requests} timed
     * ones per variant, round-robin; each variant's figures are printed with {@code label} before them.
     */
    Map<String, Timing> time(List<Variant> variants, int rounds, int each, int requests, String label) throws Exception {
        for (int round = 0; round < rounds; round++) {
            for (Variant v : variants) {
                for (int i = 0; i < each; i++) {
                    get(v.query());
                }
            }
        }
        double[][] ms = new double[variants.size()][requests];
        int[] rows = new int[variants.size()];
        for (int i = 0; i < requests; i++) {
            for (int v = 0; v < variants.size(); v++) {
                long started = System.nanoTime();
                String html = get(variants.get(v).query());
                ms[v][i] = (System.nanoTime() - started) / 1e6;
                rows[v] = rows(html);
            }
        }
        Map<String, Timing> timings = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            double[] sorted = ms[v].clone();
            Arrays.sort(sorted);
            Timing t = new Timing(percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], rows[v]);
            timings.put(variants.get(v).label(), t);
            System.out.printf("  %s%s: p50 %.1f ms, p95 %.1f ms, %d rows%n", label, variants.get(v).label(), t.p50(), t.p95(), t.rows());
        }
        return timings;
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
