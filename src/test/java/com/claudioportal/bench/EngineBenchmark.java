package com.claudioportal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.EngineCluster;
import com.claudioportal.infra.EngineSeed;
import com.claudioportal.infra.SandboxControl;

/**
 * The job engine at the scale ({@code ./bench engine}; figures in docs/benchmarks.md,
 * report in target/bench/engine.txt): two packaged portals on one embedded PostgreSQL, the Claudio
 * sandbox in its own process answering every poll after a random 1–30 s, and {@code jobs} jobs in
 * flight over {@code tenants} tenants. The jobs were submitted 21 minutes ago, so the portal polls
 * each every {@code portal.worker.poll-max-interval}; their first polls fall due spread evenly over
 * {@code spread} (default jobs / 200 per second, the steady-state rate of 50,000 jobs polled every
 * 5 min), and the run is measured until {@code spread + 45 s}. The interval is set to an hour, so
 * no second poll falls due in the window nor while the sandbox's counts are read after it (which
 * takes minutes): every job has exactly one due slot, so a job polled twice at the sandbox is a
 * duplicate — or, rarely, a poll that failed at the portal (a timeout) and was tried again, which
 * the report counts apart.
 * <p>
 * Meanwhile ten more tenants, whose Claudio answers at once, have jobs that complete during the
 * window and notify their webhook (half at each instance): the time from notice to "completed" is
 * the priority lane's while polling is saturated. Afterwards notices are posted at one instance's
 * webhook: 5,000 a second for 15 s, open loop ({@link FixedRateLoad}: the latency at the target
 * rate), then {@code wrk} for 15 s (the most it takes); the per-address and per-token rate limits
 * are lifted for it, else they answer 429 by design.
 * <p>
 * Scale: {@code -Dbench.engine.jobs=50000 -Dbench.engine.tenants=200 -Dbench.engine.spread=250
 * -Dbench.engine.maxInFlight=4200} (per instance, by default (tenants + 10) x 20: the sizing rule of
 * docs/configuration.md, every tenant slow; the default configuration is 1000).
 */
@Tag("benchmark")
class EngineBenchmark {

    private static final int NOTICE_TENANTS = 10;
    private static final int NOTICE_JOBS_PER_TENANT = 30;
    /** The lateness target: the series counts the polls later than the histogram's largest bucket bound at or under it. */
    private static final double LATE = 10;
    /**
     * Thread dumps of every process during the window and the intake ({@code -Dbench.engine.dumps=true}): each is a
     * {@code jcmd} JVM and a safepoint, and on 2 cores they cost the measured processes CPU, so they are off by default.
     */
    private static final boolean DUMPS = Boolean.getBoolean("bench.engine.dumps");
    /** The webhook's target rate: the fixed-rate phase of the intake sends this many notices a second. */
    private static final int INTAKE_RATE = Integer.getInteger("bench.engine.intakeRate", 5_000);
    /**
     * The fixed-rate part's warm-up, at the same rate, in seconds. 20 since 2026-12-02 18:30: with 5 the portal's intake
     * path (cold after the engine's window: nothing but 50 single notices had run it) and the fresh generator JVM were
     * still compiling through the measured part; the flight recording showed the portal's compiler threads using as
     * much CPU as its event loops, the machine at 100 %, and a p99 of 350 ms.
     */
    private static final int INTAKE_WARM_UP = Integer.getInteger("bench.engine.intakeWarmUpSeconds", 20);
    private static final Pattern BUCKET = Pattern.compile("^(\\w+)_bucket\\{.*le=\"([^\"]+)\".*\\} ([0-9.eE+-]+)$");

    @Test
    void engineAtScale() throws Exception {
        int jobs = Integer.getInteger("bench.engine.jobs", 50_000);
        int tenants = Integer.getInteger("bench.engine.tenants", 200);
        int spread = Integer.getInteger("bench.engine.spread", Math.max(20, jobs / 200));
        // sized by the rule docs/configuration.md gives (every tenant's Claudio may be slow: tenants x max-in-flight-per-tenant,
        // 20 by default); 2,000 until 2026-12-02 was under it, and both portals' slots filled at the window's start
        int maxInFlight = Integer.getInteger("bench.engine.maxInFlight", (tenants + NOTICE_TENANTS) * 20);
        int delayMin = Integer.getInteger("bench.engine.pollDelayMinMillis", 1_000);
        int delayMax = Integer.getInteger("bench.engine.pollDelayMaxMillis", 30_000);
        int applyThreads = Integer.getInteger("bench.engine.applyThreads", 16);
        Map<String, String> engine = new HashMap<>(Map.of(
                "portal.worker.max-in-flight", String.valueOf(maxInFlight),
                "portal.worker.apply-threads", String.valueOf(applyThreads),
                // the apply threads and the notice writers each hold a connection while they work
                "quarkus.datasource.jdbc.max-size", String.valueOf(applyThreads + 16),
                "portal.worker.poll-interval", "30S",
                // a job's next slot an hour after its poll: outside the window and the minutes of counting after it (with
                // 5M, jobs polled early in the window fell due again while the sandbox's counts were read: 1,669 "duplicates")
                "portal.worker.poll-max-interval", "1H",
                "portal.worker.webhook.per-address-rate", "1000000",
                "portal.worker.webhook.per-token-rate", "1000000"));
        Path home = Path.of("target/bench/engine").toAbsolutePath();
        String load = load();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Job engine: %,d jobs over %d tenants on 2 portal instances (max-in-flight %d, apply-threads %d each), "
                + "polls answered after %d-%d ms, first polls due over %d s%nload before: %s%n", jobs, tenants, maxInFlight, applyThreads, delayMin,
                delayMax, spread, load));
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        if (Boolean.getBoolean("bench.engine.jfr")) {
            // a flight recording per portal (target/bench/engine/*.jfr): where the time goes
            jvm.add("-XX:StartFlightRecording=dumponexit=true,settings=profile,filename=" + home);
        }
        EngineCluster.Settings settings = new EngineCluster.Settings(2, engine, jvm, Duration.ofHours(24),
                List.of("-Xmx768m"), home);
        try (EngineCluster cluster = EngineCluster.start(settings); EngineSeed seed = cluster.seed()) {
            SandboxControl claudio = cluster.claudio();
            long seedStart = System.nanoTime();
            List<EngineSeed.Tenant> pollTenants = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                String id = String.format(Locale.ROOT, "bench-p%03d", t);
                EngineSeed.Tenant tenant = tenant(cluster, seed, id);
                claudio.setFault(id, "POLL", "{\"delayMinMillis\": " + delayMin + ", \"delayMaxMillis\": " + delayMax + "}");
                int n = jobs / tenants + (t < jobs % tenants ? 1 : 0);
                List<String> refs = claudio.bulkJobs(id, n, Duration.ofDays(1), Duration.ofDays(1));
                seed.submittedJobs(tenant, refs, java.util.Collections.nCopies(refs.size(), (Double) null), Duration.ofMinutes(21));
                pollTenants.add(tenant);
            }
            List<String> noticeRefs = new ArrayList<>();
            String intakeUrl = null;
            String intakeReference = null;
            for (int t = 0; t < NOTICE_TENANTS; t++) {
                String id = String.format(Locale.ROOT, "bench-n%02d", t);
                EngineSeed.Tenant tenant = tenant(cluster, seed, id);
                String webhook = cluster.portal(t % 2).baseUrl() + "webhooks/claudio/" + tenant.webhookToken();
                claudio.setWebhookUrl(id, webhook);
                // they complete (and notify) while the polls of the others are saturated
                List<String> refs = claudio.bulkJobs(id, NOTICE_JOBS_PER_TENANT, Duration.ofSeconds(20), Duration.ofSeconds(spread + 20));
                seed.submittedJobs(tenant, refs, java.util.Collections.nCopies(refs.size(), 3600.0), Duration.ofMinutes(1));
                noticeRefs.addAll(refs);
                if (t == 1) {
                    intakeUrl = webhook;
                    intakeReference = refs.get(0);
                }
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            Map<Integer, long[]> cpuStart = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                cpuStart.put(i, new long[] { cpuTicks(cluster.portal(i).process().pid()) });
            }
            long pollsBefore = polls(claudio, pollTenants);
            // every job's one due slot in the window, spread evenly
            seed.update("update job set next_attempt_at = now() + make_interval(secs => random() * ?) where tenant_id like 'bench-p%'",
                    (double) spread);
            seed.count("select count(*) from (select pg_notify('portal_job_due', '')) n");
            long windowStart = System.nanoTime();
            long windowEnd = windowStart + Duration.ofSeconds(spread + 45).toNanos();
            long[] heapMax = new long[2];
            long[] dbMax = new long[2];
            long[] inFlightMax = new long[2];
            List<String> inFlightSeries = new ArrayList<>();
            // per 5-s sample, both portals together: polls claimed since the last sample, how many of them more than
            // LATE seconds after their due time (a bucket bound of the lateness histogram), and each portal's apply backlog
            List<String> latenessSeries = new ArrayList<>();
            List<String> backlogSeries = new ArrayList<>();
            double[] claimedBefore = { 0, 0 };
            Map<String, Integer> waits = new TreeMap<>();
            boolean dumped = false;
            HttpClient http = HttpClient.newHttpClient();
            while (System.nanoTime() < windowEnd) {
                StringBuilder sample = new StringBuilder();
                StringBuilder backlog = new StringBuilder();
                Map<Double, Double> latenessNow = new TreeMap<>();
                for (int i = 0; i < 2; i++) {
                    String m;
                    try {
                        m = metrics(http, cluster, i);
                    } catch (java.net.http.HttpTimeoutException e) {
                        // a starved portal answered no metrics within 30 s: this sample is lost, not the run (22:43 run)
                        sample.append(i == 0 ? "" : "/").append('?');
                        continue;
                    }
                    heapMax[i] = Math.max(heapMax[i], (long) gauge(m, "jvm_memory_used_bytes", "area=\"heap\""));
                    long f = (long) gauge(m, "portal_jobs_inflight", "");
                    inFlightMax[i] = Math.max(inFlightMax[i], f);
                    sample.append(i == 0 ? "" : "/").append(f);
                    backlog.append(i == 0 ? "" : "/").append((long) gauge(m, "portal_jobs_apply_backlog", ""));
                    buckets(m, "portal_jobs_poll_lateness_seconds", latenessNow);
                }
                inFlightSeries.add(sample.toString());
                backlogSeries.add(backlog.toString());
                double claimedNow = latenessNow.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
                double onTimeNow = onTime(latenessNow);
                latenessSeries.add(String.format(Locale.ROOT, "%.0f/%.0f", claimedNow - claimedBefore[0],
                        (claimedNow - onTimeNow) - (claimedBefore[0] - claimedBefore[1])));
                claimedBefore[0] = claimedNow;
                claimedBefore[1] = onTimeNow;
                // what the portals' database sessions wait for, if anything (where the time goes)
                for (String row : seed.strings("select application_name || ' ' || state || ' ' || coalesce(wait_event_type || ':' || wait_event, 'cpu') "
                        + "from pg_stat_activity where application_name like 'portal-%'")) {
                    waits.merge(row, 1, Integer::sum);
                }
                if (DUMPS && !dumped && System.nanoTime() > windowStart + (windowEnd - windowStart) / 3) {
                    dumped = true;
                    for (int i = 0; i < 2; i++) {
                        new ProcessBuilder("sh", "-c", "jcmd " + cluster.portal(i).process().pid() + " Thread.print > " + home
                                + "/threads-window-portal-" + (i + 1) + ".txt 2>&1").start();
                    }
                }
                for (String row : seed.strings("select application_name || '|' || count(*) from pg_stat_activity "
                        + "where application_name like 'portal-%' group by application_name")) {
                    int i = Integer.parseInt(row.substring("portal-".length(), row.indexOf('|'))) - 1;
                    dbMax[i] = Math.max(dbMax[i], Long.parseLong(row.substring(row.indexOf('|') + 1)));
                }
                Thread.sleep(5_000);
            }
            double window = (System.nanoTime() - windowStart) / 1e9;
            long pollsInWindow = polls(claudio, pollTenants) - pollsBefore;
            double[] cpu = new double[2];
            for (int i = 0; i < 2; i++) {
                cpu[i] = (cpuTicks(cluster.portal(i).process().pid()) - cpuStart.get(i)[0]) / 100.0 / window;
            }
            // the portals' histograms at the window's end (not after the minutes of counting below)
            Map<Double, Double> lateness = new TreeMap<>();
            Map<Double, Double> notice = new TreeMap<>();
            Map<String, Double> pollOutcomes = new TreeMap<>();
            // where the time went: a notice's wait for its claim; a poll's call, and its wait for an apply thread, per lane
            Map<String, Map<Double, Double>> parts = new java.util.LinkedHashMap<>();
            for (String part : List.of("notice claimed|portal_jobs_notice_claimed_seconds|", "poll call, normal|portal_jobs_poll_call_seconds|normal",
                    "poll call, priority|portal_jobs_poll_call_seconds|priority", "apply wait, normal|portal_jobs_apply_wait_seconds|normal",
                    "apply wait, priority|portal_jobs_apply_wait_seconds|priority")) {
                parts.put(part, new TreeMap<>());
            }
            for (int i = 0; i < 2; i++) {
                String m = metrics(http, cluster, i);
                buckets(m, "portal_jobs_poll_lateness_seconds", lateness);
                buckets(m, "portal_jobs_notice_completed_seconds", notice);
                for (var part : parts.entrySet()) {
                    String[] p = part.getKey().split("\\|", -1);
                    buckets(m, p[1], p[2].isEmpty() ? null : p[2], part.getValue());
                }
                pollOutcomes(m, pollOutcomes);
            }
            // duplicates: a job polled more than once in its one due slot
            long polledJobs = 0;
            long duplicates = 0;
            for (EngineSeed.Tenant t : pollTenants) {
                for (SandboxControl.Job j : patiently(() -> claudio.jobs(t.id()))) {
                    if (j.polls() > 0) {
                        polledJobs++;
                    }
                    duplicates += Math.max(0, j.polls() - 1);
                }
            }
            long noticesCompleted = seed.count("select count(*) from job where tenant_id like 'bench-n%' and status = 'COMPLETED'");

            report.append(String.format(Locale.ROOT, "seeding %.0f s; window %.0f s%n", seedSeconds, window));
            report.append(String.format(Locale.ROOT, "poll-start lateness vs due time: p50 %.2f s, p99 %.2f s, max bucket %.0f s (target p99 <= 10 s)%n",
                    quantile(lateness, 0.50), quantile(lateness, 0.99), quantile(lateness, 1.0)));
            report.append(String.format(Locale.ROOT, "polls answered at the sandbox in the window: %,d (%.0f/s); jobs polled %,d of %,d%n",
                    pollsInWindow, pollsInWindow / window, polledJobs, jobs));
            report.append(String.format(Locale.ROOT, "duplicate polls per due slot: %d in %,d slots (target 0)%n", duplicates, polledJobs));
            report.append("  poll calls by outcome, both instances, at the window's end (a failed one is tried again later: a second poll "
                    + "that is no duplicate): ").append(pollOutcomes).append('\n');
            report.append(String.format(Locale.ROOT, "webhook notice -> completed while polls saturated: p50 %.2f s, p95 %.2f s, %d of %d completed "
                    + "(target p95 <= 2 s)%n", quantile(notice, 0.50), quantile(notice, 0.95), noticesCompleted, noticeRefs.size()));
            report.append("  where the time went, p50 / p95 / p99 (s):");
            for (var part : parts.entrySet()) {
                report.append(String.format(Locale.ROOT, " %s %.2f / %.2f / %.2f;", part.getKey().split("\\|")[0], quantile(part.getValue(), 0.50),
                        quantile(part.getValue(), 0.95), quantile(part.getValue(), 0.99)));
            }
            report.append('\n');
            for (int i = 0; i < 2; i++) {
                report.append(String.format(Locale.ROOT, "instance %d: CPU %.2f cores (average), heap used max %d MB, DB connections max %d, "
                        + "steps in flight max %d%n", i + 1, cpu[i], heapMax[i] / (1024 * 1024), dbMax[i], inFlightMax[i]));
            }
            report.append("steps in flight every 5 s (instance 1/2): ").append(String.join(" ", inFlightSeries)).append('\n');
            report.append(String.format(Locale.ROOT, "polls claimed / of them later than the last bucket bound <= %.0f s, every 5 s (both instances): ", LATE))
                    .append(String.join(" ", latenessSeries)).append('\n');
            report.append("apply backlog every 5 s (instance 1/2; no normal claims above ").append(engine.getOrDefault("portal.worker.apply-backlog-max", "100"))
                    .append("): ").append(String.join(" ", backlogSeries)).append('\n');
            report.append("portal DB sessions sampled every 5 s (instance, state, wait): ").append(waits).append('\n');
            report.append(webhookIntake(intakeUrl, intakeReference, home,
                    List.of(cluster.portal(0).process().pid(), cluster.portal(1).process().pid(), cluster.sandbox().process().pid())));
        }
        report.append("load after: ").append(load()).append('\n');
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/engine.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static EngineSeed.Tenant tenant(EngineCluster cluster, EngineSeed seed, String id) throws java.sql.SQLException {
        String key = "key-" + id + "-0123456789";
        String secret = "secret-" + id + "-0123456789abcdef";
        cluster.claudio().ensureAccount(id, key, secret);
        return seed.tenant(id, cluster.claudio().baseUrl(id), key, secret);
    }

    /** wrk posting one notice over and over at one instance's webhook for 15 s. */
    private static String webhookIntake(String url, String reference, Path home, List<Long> pids) throws Exception {
        Path script = home.resolve("notice.lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '{\"job_reference_id\": \"" + reference + "\"}'\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        // thread dumps of the portals and the sandbox while the notices pour in: where time goes, if it does
        Process dump = !DUMPS ? null : new ProcessBuilder("sh", "-c", "sleep 5; for p in " + pids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "))
                + "; do jcmd $p Thread.print > " + home + "/threads-$p.txt 2>&1; done").start();
        // one notice at a time first: a single request's own time, without queueing behind 63 others
        HttpClient http = HttpClient.newHttpClient();
        long[] single = new long[50];
        for (int i = 0; i < single.length; i++) {
            long t0 = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"job_reference_id\": \"" + reference + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            single[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(single);
        String one = String.format(Locale.ROOT, "  one notice at a time (50 in a row): p50 %.1f ms, max %.1f ms%n",
                single[25] / 1e6, single[49] / 1e6);
        // the target's reading: notices arriving at 5,000/s whatever the answers do (open loop), each timed from when it was due
        // where the 2 cores go meanwhile: the portal answering, the others, and the rest of the machine (generator, PostgreSQL, this JVM)
        long[] ticksBefore = new long[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            ticksBefore[i] = cpuTicks(pids.get(i));
        }
        long machineBefore = machineBusyTicks();
        long stealBefore = procStat(8);
        long steadyStart = System.nanoTime();
        String steady = FixedRateLoad.inOwnProcess(URI.create(url), "{\"job_reference_id\": \"" + reference + "\"}", INTAKE_RATE, 64,
                Duration.ofSeconds(INTAKE_WARM_UP), Duration.ofSeconds(15));
        double steadySeconds = (System.nanoTime() - steadyStart) / 1e9;
        double machineCores = (machineBusyTicks() - machineBefore) / 100.0 / steadySeconds;
        double stealCores = (procStat(8) - stealBefore) / 100.0 / steadySeconds;
        StringBuilder cores = new StringBuilder();
        double listed = 0;
        for (int i = 0; i < pids.size(); i++) {
            double c = (cpuTicks(pids.get(i)) - ticksBefore[i]) / 100.0 / steadySeconds;
            listed += c;
            cores.append(String.format(Locale.ROOT, "%s %.2f, ", i < 2 ? "portal-" + (i + 1) : "sandbox", c));
        }
        String steadyCpu = String.format(Locale.ROOT, "  CPU over that run (%.0f s: its JVM's start, the warm-up, the 15 s): machine %.2f of %d cores; %s"
                + "everything else (the generator, PostgreSQL, the benchmark's JVMs) %.2f; taken by the host (steal) %.2f%n", steadySeconds,
                machineCores, Runtime.getRuntime().availableProcessors(), cores, machineCores - listed, stealCores);
        // then the most it takes: wrk's closed loop, 64 connections each sending its next notice as soon as the last is answered
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c64", "-d15s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        if (dump != null) {
            dump.waitFor();
        }
        StringBuilder r = new StringBuilder("webhook intake at instance 2, one job's notice repeated (target >= 5,000/s, p99 < 20 ms):\n");
        r.append(one);
        r.append(String.format(Locale.ROOT, "  at a fixed %,d/s (open loop, 64 connections, in a JVM of its own, after a %d-s warm-up whose answers came first): ", INTAKE_RATE,
                INTAKE_WARM_UP)).append(steady).append('\n');
        r.append(steadyCpu);
        r.append("  as fast as it goes (wrk -t2 -c64 -d15s, closed loop):\n");
        for (String line : out.lines().toList()) {
            String l = line.strip();
            if (l.startsWith("Requests/sec") || l.matches("(50|90|99)%.*") || l.startsWith("Non-2xx") || l.startsWith("Socket errors")
                    || l.contains("requests in")) {
                r.append("  ").append(l).append('\n');
            }
        }
        return r.toString();
    }

    private static long polls(SandboxControl claudio, List<EngineSeed.Tenant> tenants) {
        long n = 0;
        for (EngineSeed.Tenant t : tenants) {
            n += patiently(() -> claudio.counters(t.id())).requests().getOrDefault("POLL", 0L);
        }
        return n;
    }

    /**
     * A control-API read that may meet a sandbox still busy with the window's polls (or a machine
     * under load): tried again a few times, so the report is not lost to one slow answer.
     */
    private static <T> T patiently(java.util.function.Supplier<T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (java.io.UncheckedIOException e) {
                if (attempt >= 4) {
                    throw e;
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String metrics(HttpClient http, EngineCluster cluster, int i) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.portal(i).managementUrl() + "q/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The Claudio client's poll calls by outcome ({@code claudio_client_calls_total}), added into {@code into}. */
    private static void pollOutcomes(String metrics, Map<String, Double> into) {
        Pattern call = Pattern.compile("^claudio_client_calls_total\\{(.*)\\} ([0-9.eE+-]+)$");
        Pattern outcome = Pattern.compile("outcome=\"([^\"]+)\"");
        for (String line : metrics.lines().toList()) {
            Matcher m = call.matcher(line);
            if (m.matches() && m.group(1).contains("operation=\"poll\"")) {
                Matcher o = outcome.matcher(m.group(1));
                if (o.find()) {
                    into.merge(o.group(1), Double.parseDouble(m.group(2)), Double::sum);
                }
            }
        }
    }

    /** Sum of a gauge's series whose labels contain {@code labels}. */
    private static double gauge(String metrics, String name, String labels) {
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Adds a histogram's cumulative buckets (upper bound in seconds to count) into {@code into}. */
    private static void buckets(String metrics, String name, Map<Double, Double> into) {
        buckets(metrics, name, null, into);
    }

    /** As above, of the series tagged {@code lane} only (all series when null). */
    private static void buckets(String metrics, String name, String lane, Map<Double, Double> into) {
        for (String line : metrics.lines().toList()) {
            Matcher m = BUCKET.matcher(line);
            if (m.matches() && m.group(1).equals(name) && (lane == null || line.contains("lane=\"" + lane + "\""))) {
                double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
                into.merge(le, Double.parseDouble(m.group(3)), Double::sum);
            }
        }
    }

    /** How many of a cumulative lateness histogram's polls started at most {@link #LATE} seconds late (to a bucket bound). */
    private static double onTime(Map<Double, Double> cumulative) {
        double count = 0;
        for (var e : cumulative.entrySet()) {
            if (e.getKey() <= LATE + 1e-6) {
                count = e.getValue();
            }
        }
        return count;
    }

    /** The upper bound of the first bucket holding quantile {@code q} (a histogram's resolution). */
    static double quantile(Map<Double, Double> cumulative, double q) {
        double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total == 0) {
            return Double.NaN;
        }
        double last = Double.NaN;
        for (var e : cumulative.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey().isInfinite() ? last : e.getKey();
            }
            last = e.getKey();
        }
        return last;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }

    /** The machine's busy time in USER_HZ ticks (user, nice, system, irq, softirq) from the first line of /proc/stat. */
    private static long machineBusyTicks() throws IOException {
        return procStat(1) + procStat(2) + procStat(3) + procStat(6) + procStat(7);
    }

    /** Field {@code i} of /proc/stat's first line, in USER_HZ ticks (8: steal, time the host ran something else on our CPUs). */
    private static long procStat(int i) throws IOException {
        return Long.parseLong(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+")[i]);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
