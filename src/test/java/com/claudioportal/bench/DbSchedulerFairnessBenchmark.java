package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.claudioportal.infra.EmbeddedDatabase;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

/**
 * Can db-scheduler (com.github.kagkarlsson:db-scheduler 16.12.0) give the job engine the fairness the
 * job-engine issue asks for: "a tenant with thousands of due jobs, or a Claudio that answers in 30 s,
 * never delays another tenant's job by more than a few seconds"? Run with {@code ./bench dbscheduler};
 * figures in docs/benchmarks.md, report in target/bench/dbscheduler-fairness.txt.
 *
 * <p>Plain JUnit, no Quarkus: a real PostgreSQL (embedded), db-scheduler's own table definition, and a
 * task whose handler blocks for as long as the simulated Claudio takes to answer (a sleep: exactly how
 * a handler blocks on a synchronous HTTP call; db-scheduler has no asynchronous handlers, an execution
 * holds its thread until the handler returns). The configurations use db-scheduler's documented
 * builder options: {@code threads}, {@code pollingInterval}, {@code pollUsingFetch} (the default,
 * "fetch and lock on execute") or {@code pollUsingLockAndFetch} (PostgreSQL's single-statement
 * {@code UPDATE ... FOR UPDATE SKIP LOCKED}), {@code enablePriority} with a per-execution priority,
 * {@code heartbeatInterval} and {@code missedHeartbeatsLimit}; those labelled "our cap" add code of
 * ours on top (see {@link Config}). The configurations of a scenario run side by side, each with its
 * own table, connection pool and threads; their handlers sleep, so they compete for neither CPU nor
 * rows (CPU use is printed). The busy tenant's capped configurations, which keep the database busy,
 * run alone.
 *
 * <ol>
 * <li>Slow tenant: A has 50 calls due that answer after 30 s; once they hold the threads, B's call
 * falls due (1 s later), and answers after 1 s. The target: B done within 5 s of its own 1 s
 * turnaround.</li>
 * <li>Busy tenant: A has 5,000 due calls of 1-3 s; B has one due 1 s after they started.</li>
 * <li>Threads for concurrency: the threads, memory and CPU that keeping 500 and 2,000 blocking calls
 * of 1-30 s in flight costs (the load is ~2,600 in flight, see {@link #IN_FLIGHT}).</li>
 * </ol>
 * The SQL db-scheduler sends to claim executions is recorded from the connections it uses and printed
 * with the figures.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DbSchedulerFairnessBenchmark {

    /** B's own Claudio turnaround, and how much later than that B may finish (the "within 5 s"). */
    static final Duration B_CALL = Duration.ofSeconds(1);
    static final Duration FAIRNESS = Duration.ofSeconds(5);
    static final Duration POLL_DEFAULT = SchedulerBuilder.DEFAULT_POLLING_INTERVAL;
    static final Duration POLL_FAST = Duration.ofSeconds(1);
    /** How much later the handler with a per-tenant cap re-schedules an execution over the cap. */
    static final Duration DEFERRAL = Duration.ofSeconds(5);

    /**
     * The load: 50,000 jobs in flight over 200 tenants on 2 instances, each polled every 5 min,
     * each poll answered after 1-30 s (mean 15.5 s). By Little's law 50,000 / 300 s x 15.5 s calls are
     * in flight at any moment.
     */
    static final int IN_FLIGHT = (int) Math.round(50_000 / 300.0 * 15.5);

    /** The embedded PostgreSQL of the test run ({@code infra.TestDatabaseSession}), or one of our own. */
    static String jdbcUrl;
    static String dbUser;
    static String dbPassword;
    static EmbeddedDatabase ownDatabase;
    static String loadBefore;
    static final Map<String, String> sections = new LinkedHashMap<>();
    /** Distinct claim statements as db-scheduler sent them, per configuration that sent them. */
    static final Map<String, Set<String>> claimSql = new LinkedHashMap<>();
    static final AtomicInteger tables = new AtomicInteger();

    /**
     * One scheduler set-up; {@code instances} schedulers share one table, as portal instances would.
     * {@code tenantCap} > 0 is not a db-scheduler feature but the obvious code on top of it: the handler
     * runs at most that many calls of one tenant at once (per instance) and re-schedules an execution
     * over the cap {@link #DEFERRAL} later, instead of calling Claudio.
     */
    record Config(String label, boolean lockAndFetch, int threads, Duration poll, boolean priority, int instances, Duration heartbeat,
            int tenantCap) {

        Config(String label, boolean lockAndFetch, int threads, Duration poll, boolean priority, int instances) {
            this(label, lockAndFetch, threads, poll, priority, instances, SchedulerBuilder.DEFAULT_HEARTBEAT_INTERVAL, 0);
        }

        static Config of(boolean lockAndFetch, int threads, Duration poll, boolean priority) {
            return new Config("", lockAndFetch, threads, poll, priority, 1);
        }

        Config capped(int cap) {
            return new Config(label, lockAndFetch, threads, poll, priority, instances, heartbeat, cap);
        }

        String strategy() {
            return lockAndFetch ? "lock-and-fetch" : "fetch";
        }

        String describe() {
            String s = (instances > 1 ? instances + " x " : "") + threads + " threads, " + strategy() + ", poll "
                    + poll.toSeconds() + " s" + (priority ? ", priority (B high)" : "")
                    + (tenantCap > 0 ? ", our cap " + tenantCap + "/tenant" : "");
            return label.isEmpty() ? s : label + ": " + s;
        }
    }

    @BeforeAll
    static void startDatabase() {
        jdbcUrl = System.getProperty("quarkus.datasource.jdbc.url");
        // it creates its own tables: as the owner role (the application role may not)
        dbUser = System.getProperty("quarkus.flyway.username", System.getProperty("quarkus.datasource.username"));
        dbPassword = System.getProperty("quarkus.flyway.password", System.getProperty("quarkus.datasource.password"));
        if (jdbcUrl == null) {
            ownDatabase = EmbeddedDatabase.startEphemeral();
            jdbcUrl = ownDatabase.jdbcUrl();
            dbUser = EmbeddedDatabase.OWNER;
            dbPassword = EmbeddedDatabase.OWNER_PASSWORD;
        }
        loadBefore = UploadBenchmark.loadAverage();
    }

    @AfterAll
    static void writeReport() throws IOException {
        try {
            StringBuilder out = new StringBuilder();
            out.append("=== db-scheduler 16.12.0: can it keep one tenant from delaying another? ===\n");
            out.append(MachineLine.of(loadBefore, UploadBenchmark.loadAverage()));
            out.append("target: tenant B's job done within ").append(FAIRNESS.toSeconds()).append(" s of B's own ")
                    .append(B_CALL.toSeconds()).append(" s Claudio turnaround, whatever tenant A does\n\n");
            sections.values().forEach(s -> out.append(s).append('\n'));
            out.append(claimQueries());
            String report = out.toString();
            System.out.println(report);
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(dir.resolve("dbscheduler-fairness.txt"), report);
        } finally {
            if (ownDatabase != null) {
                ownDatabase.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 1. Slow tenant
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void slowTenant() throws Exception {
        int slowCalls = 50;
        Duration slow = Duration.ofSeconds(30);
        List<Config> configs = List.of(
                new Config("defaults", false, 10, POLL_DEFAULT, false, 1),
                Config.of(false, 10, POLL_FAST, false),
                Config.of(false, 20, POLL_FAST, false),
                Config.of(false, 50, POLL_FAST, false),
                Config.of(false, 60, POLL_FAST, false),
                Config.of(true, 10, POLL_FAST, false),
                Config.of(true, 20, POLL_FAST, false),
                Config.of(true, 50, POLL_FAST, false),
                Config.of(true, 60, POLL_FAST, false),
                Config.of(false, 10, POLL_FAST, true),
                Config.of(true, 10, POLL_FAST, true),
                Config.of(true, 50, POLL_FAST, true),
                new Config("two portal instances", false, 10, POLL_FAST, false, 2),
                Config.of(false, 10, POLL_FAST, false).capped(5),
                Config.of(true, 10, POLL_FAST, false).capped(5));
        Duration cap = Duration.ofSeconds(200);

        List<Run> runs = new ArrayList<>();
        Cpu cpu = Cpu.start();
        String cpuUse;
        try {
            for (Config c : configs) {
                runs.add(new Run(c, 10));
            }
            Instant t0 = Instant.now();
            for (Run run : runs) {
                List<SchedulableInstance<?>> batch = new ArrayList<>();
                for (int i = 1; i <= slowCalls; i++) {
                    batch.add(run.call(String.format("A-%05d", i), t0, slow, Priority.MEDIUM));
                }
                run.schedule(batch);
            }
            Instant bDue = startThenScheduleB(runs, slowCalls);
            waitFor(() -> runs.stream().allMatch(r -> r.finished.containsKey("B-1")), bDue.plus(cap));
            cpuUse = cpu.stop();
        } finally {
            stopAll(runs);
        }

        StringBuilder t = new StringBuilder();
        t.append("=== 1. Slow tenant: A has ").append(slowCalls).append(" due calls that answer after ").append(slow.toSeconds())
                .append(" s; once they hold the threads, B has 1 due 1 s later that answers after 1 s ===\n");
        t.append(String.format(Locale.ROOT, "%-58s %13s %12s %10s %10s  %s%n", "configuration", "B start delay", "B done after",
                "A started", "A running", "verdict"));
        t.append(String.format(Locale.ROOT, "%-58s %13s %12s %10s %10s  %s%n", "", "(start-due)", "due", "before B", "at B start",
                "(B done <= 1 s + 5 s)"));
        for (Run run : runs) {
            t.append(String.format(Locale.ROOT, "%-58s %13s %12s %10s %10s  %s%n", run.config.describe(), run.delay("B-1", true, cap),
                    run.delay("B-1", false, cap), run.startedBefore("A-", "B-1"), run.runningAt("A-", "B-1"), run.verdict("B-1")));
            // the measurement is only meaningful if the scheduler ran A's calls as fast as its threads allow
            assertTrue(run.started.keySet().stream().filter(id -> id.startsWith("A-")).count() >= run.busyThreadsFor(slowCalls),
                    () -> run.config.describe() + " started too few of A's calls");
        }
        t.append("cap: ").append(cap.toSeconds()).append(" s after B's due time; CPU during the scenario: ").append(cpuUse).append('\n');
        sections.put("slow", t.toString());
    }

    // ---------------------------------------------------------------------------------------------
    // 2. Busy tenant
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void busyTenant() throws Exception {
        int busyCalls = 5_000;
        StringBuilder t = new StringBuilder();
        t.append("=== 2. Busy tenant: A has ").append(String.format(Locale.ROOT, "%,d", busyCalls))
                .append(" due calls of 1-3 s (due over the last minute); once they run, B has 1 due 1 s later that answers after 1 s ===\n");
        t.append(String.format(Locale.ROOT, "%-62s %13s %12s %10s %9s %8s  %s%n", "configuration", "B start delay", "B done after",
                "A started", "A done/s", "SQL/s", "verdict"));
        t.append(String.format(Locale.ROOT, "%-62s %13s %12s %10s %9s %8s  %s%n", "", "(start-due)", "due", "before B", "", "",
                "(B done <= 1 s + 5 s)"));
        Duration cap = Duration.ofSeconds(60);
        t.append(busy(busyCalls, List.of(
                new Config("defaults", false, 10, POLL_DEFAULT, false, 1),
                Config.of(false, 50, POLL_FAST, false),
                Config.of(true, 50, POLL_FAST, false),
                Config.of(false, 10, POLL_FAST, true),
                Config.of(true, 10, POLL_FAST, true)), cap, false));
        // each alone: re-scheduling A's backlog over and over is real database work, which would slow the others
        Duration observe = Duration.ofSeconds(20);
        t.append(busy(busyCalls, List.of(Config.of(false, 10, POLL_FAST, false).capped(5)), observe, true));
        t.append(busy(busyCalls, List.of(Config.of(true, 10, POLL_FAST, false).capped(5)), observe, true));
        t.append("Observed until B was done or ").append(cap.toSeconds()).append(" s after its due time; the configurations with our cap for ")
                .append(observe.toSeconds()).append(" s, each alone (SQL/s:\nthe re-scheduling of A's backlog). Where B had not started, ")
                .append("its start delay is projected: the time waited + A's calls still\nwaiting (all due before B, so all sorted ahead ")
                .append("of it) / A's completion rate.\n");
        sections.put("busy", t.toString());
    }

    /** The busy-tenant scenario for {@code configs} side by side: their rows and the CPU they used. */
    private String busy(int busyCalls, List<Config> configs, Duration observe, boolean observeAll) throws Exception {
        Random random = new Random(42);
        long[] durations = new long[busyCalls];
        for (int i = 0; i < busyCalls; i++) {
            durations[i] = 1_000 + random.nextInt(2_001);
        }
        List<Run> runs = new ArrayList<>();
        Instant t0 = Instant.now();
        Instant bDue;
        Cpu cpu = Cpu.start();
        String cpuUse;
        try {
            for (Config c : configs) {
                runs.add(new Run(c, 10));
            }
            // A's backlog built up over the last minute
            Instant backlogStart = t0.minus(Duration.ofSeconds(60));
            for (Run run : runs) {
                List<SchedulableInstance<?>> batch = new ArrayList<>();
                for (int i = 0; i < busyCalls; i++) {
                    batch.add(run.call(String.format("A-%05d", i + 1), backlogStart.plusMillis(i * 12L), Duration.ofMillis(durations[i]),
                            Priority.MEDIUM));
                }
                run.schedule(batch);
            }
            t0 = Instant.now();
            bDue = startThenScheduleB(runs, busyCalls);
            waitFor(() -> !observeAll && runs.stream().allMatch(r -> r.finished.containsKey("B-1")), bDue.plus(observe));
            cpuUse = cpu.stop();
        } finally {
            stopAll(runs);
        }
        Instant end = runs.stream().map(r -> r.stoppedAt).min(Comparator.naturalOrder()).orElseThrow();
        double seconds = Math.max(1e-3, Duration.between(t0, end).toMillis() / 1000.0);
        StringBuilder t = new StringBuilder();
        for (Run run : runs) {
            long aDone = run.finished.keySet().stream().filter(id -> id.startsWith("A-")).count();
            double rate = aDone / seconds;
            String startDelay = run.delay("B-1", true, observe);
            if (!run.started.containsKey("B-1") && run.config.tenantCap() == 0) {
                // every A call is due before B and sorts ahead of it: B starts once they have all been started
                long waiting = busyCalls - run.started.keySet().stream().filter(id -> id.startsWith("A-")).count();
                double projected = Duration.between(run.due.get("B-1"), end).toMillis() / 1000.0 + waiting / Math.max(rate, 1e-3);
                startDelay = String.format(Locale.ROOT, "~%.0f s proj.", projected);
            }
            t.append(String.format(Locale.ROOT, "%-62s %13s %12s %10s %9.1f %8.0f  %s%n", run.config.describe(), startDelay,
                    run.delay("B-1", false, observe), run.startedBefore("A-", "B-1"), rate, run.statementsUntilStop / seconds,
                    run.verdict("B-1")));
            assertTrue(aDone > 0, () -> run.config.describe() + " completed none of A's calls");
        }
        t.append("  ").append(configs.size() > 1 ? "these " + configs.size() + " side by side" : "alone").append(", ")
                .append(String.format(Locale.ROOT, "%.0f s", seconds)).append(": ").append(cpuUse).append('\n');
        return t.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Threads for concurrency
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void threadsForConcurrency() throws Exception {
        int[] sizes = { 500, 2_000 };
        List<Map<String, String>> columns = new ArrayList<>();
        Random random = new Random(7);
        for (int threads : sizes) {
            columns.add(concurrency(threads, random));
        }
        StringBuilder t = new StringBuilder();
        t.append("=== 3. Threads for concurrency: blocking calls of 1-30 s (uniform) kept in flight by one scheduler instance ===\n");
        t.append(String.format(Locale.ROOT, "the issue's load: 50,000 jobs / 300 s poll interval x 15.5 s mean answer = %,d calls in flight"
                + " (%,d per instance on 2 instances)%n", IN_FLIGHT, IN_FLIGHT / 2));
        t.append("lock-and-fetch, poll 1 s, heartbeat every 15 s (dead after 4 missed = 60 s, like the portal's 60 s lease), pool of 20\n");
        t.append(String.format(Locale.ROOT, "%-44s", "threads"));
        for (int threads : sizes) {
            t.append(String.format(Locale.ROOT, " %-34s", String.format(Locale.ROOT, "%,d", threads)));
        }
        t.append('\n');
        for (String measure : columns.get(0).keySet()) {
            t.append(String.format(Locale.ROOT, "%-44s", measure));
            columns.forEach(c -> t.append(String.format(Locale.ROOT, " %-34s", c.get(measure))));
            t.append('\n');
        }
        t.append("The window is 40 s, after the ramp and 30 s more (so that the calls no longer end in step). RSS and heap: of the\n")
                .append("benchmark JVM (-Xmx256m), base = after a full GC right before the scheduler started, each size in turn in the\n")
                .append("same JVM; native growth = RSS growth - heap committed growth. CPU: in % of one core, PostgreSQL = all its processes.\n");
        sections.put("threads", t.toString());
    }

    /** One scheduler with {@code threads} threads and 7 x as many due calls; measured once its threads are all busy. */
    private Map<String, String> concurrency(int threads, Random random) throws Exception {
        Duration warm = Duration.ofSeconds(30);
        Duration window = Duration.ofSeconds(40);
        int calls = threads * 7;
        Duration heartbeat = Duration.ofSeconds(15);
        Run run = new Run(new Config("", true, threads, POLL_FAST, false, 1, heartbeat, 0), 20);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
        try {
            Instant t0 = Instant.now();
            List<SchedulableInstance<?>> batch = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                batch.add(run.call(String.format("C-%05d", i + 1), t0.minusMillis(calls - i), Duration.ofMillis(1_000 + random.nextInt(29_001)),
                        Priority.MEDIUM));
            }
            run.schedule(batch);
            int baseThreads = mx.getThreadCount();
            MemorySampler memory = MemorySampler.start();
            long committedBefore = heap.getHeapMemoryUsage().getCommitted();
            mx.resetPeakThreadCount();
            Instant started = Instant.now();
            run.start();
            waitFor(() -> run.inFlight.get() >= threads * 0.95, started.plus(Duration.ofSeconds(30)));
            Duration ramp = Duration.between(started, Instant.now());
            Thread.sleep(warm.toMillis());

            Cpu cpu = Cpu.start();
            long doneBefore = run.finished.size();
            long sqlBefore = run.statements();
            long heartbeatsBefore = run.heartbeats();
            Instant windowStart = Instant.now();
            long sum = 0;
            int samples = 0;
            int min = Integer.MAX_VALUE;
            while (Instant.now().isBefore(windowStart.plus(window))) {
                int n = run.inFlight.get();
                sum += n;
                samples++;
                min = Math.min(min, n);
                Thread.sleep(250);
            }
            double seconds = Duration.between(windowStart, Instant.now()).toMillis() / 1000.0;
            double done = (run.finished.size() - doneBefore) / seconds;
            double sql = (run.statements() - sqlBefore) / seconds;
            double heartbeats = (run.heartbeats() - heartbeatsBefore) / seconds;
            double[] cpuShare = cpu.shares();
            long committedGrowth = heap.getHeapMemoryUsage().getCommitted() - committedBefore;
            MemorySampler.Result mem = memory.stop();
            int peakThreads = mx.getPeakThreadCount();
            double meanInFlight = (double) sum / samples;
            assertTrue(run.finished.size() - doneBefore > 0, "no call completed in the window");
            assertTrue(run.started.size() < calls, "the due calls ran out before the window ended: not a steady state");

            long nativeGrowth = mem.rssGrowth() - committedGrowth;
            Map<String, String> m = new LinkedHashMap<>();
            m.put("ramp until 95 % of the threads run a call", String.format(Locale.ROOT, "%.1f s", ramp.toMillis() / 1000.0));
            m.put("calls in flight in the window (mean / min)", String.format(Locale.ROOT, "%.0f / %d", meanInFlight, min));
            m.put("calls done / s (steady: in flight / 15.5 s)", String.format(Locale.ROOT, "%.1f (%.1f)", done, meanInFlight / 15.5));
            m.put("JVM threads (before -> peak)", String.format(Locale.ROOT, "%d -> %d", baseThreads, peakThreads));
            m.put("RSS MB (base -> peak, growth)", String.format(Locale.ROOT, "%d -> %d (+%d)", mem.rssBaseline() / MemorySampler.MB,
                    mem.rssPeak() / MemorySampler.MB, mem.rssGrowth() / MemorySampler.MB));
            m.put("  of which heap committed / native MB", String.format(Locale.ROOT, "+%d / +%d", committedGrowth / MemorySampler.MB,
                    nativeGrowth / MemorySampler.MB));
            m.put("  native growth per new thread", String.format(Locale.ROOT, "%.0f KB",
                    nativeGrowth / 1024.0 / Math.max(1, peakThreads - baseThreads)));
            m.put("heap in use after GC MB (base -> peak)", String.format(Locale.ROOT, "%d -> %d", mem.liveBaseline() / MemorySampler.MB,
                    mem.livePeak() / MemorySampler.MB));
            m.put("CPU, % of one core (JVM / PostgreSQL)", String.format(Locale.ROOT, "%.0f %% / %.0f %%", cpuShare[0], cpuShare[1]));
            m.put("SQL statements / s (heartbeat updates / s)", String.format(Locale.ROOT, "%.0f (%.0f; %.0f expected)", sql, heartbeats,
                    meanInFlight / heartbeat.toSeconds()));
            return m;
        } finally {
            stopAll(List.of(run));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One configuration under test
    // ---------------------------------------------------------------------------------------------

    /** A table, a task and the configuration's schedulers, with what the handler observed. */
    static final class Run {

        final Config config;
        final String table;
        final CustomTask<Void> task;
        final List<Scheduler> schedulers = new ArrayList<>();
        final List<AgroalDataSource> pools = new ArrayList<>();
        final Map<String, Long> durationMs = new ConcurrentHashMap<>();
        final Map<String, Instant> due = new ConcurrentHashMap<>();
        final Map<String, Instant> started = new ConcurrentHashMap<>();
        final Map<String, Instant> finished = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final Map<String, AtomicInteger> tenantInFlight = new ConcurrentHashMap<>();
        final LongAdder deferrals = new LongAdder();
        volatile Instant stoppedAt;
        volatile long statementsUntilStop;
        /** How often each statement (its text) was prepared on db-scheduler's connections. */
        final Map<String, LongAdder> sql = new ConcurrentHashMap<>();

        Run(Config config, int poolSize) throws SQLException {
            this.config = config;
            this.table = "scheduled_tasks_" + tables.incrementAndGet();
            createTable(table);
            this.task = Tasks.custom("claudio-call", Void.class).execute((instance, context) -> handle(instance.getId()));
            for (int i = 1; i <= config.instances(); i++) {
                AgroalDataSource pool = pool(poolSize);
                pools.add(pool);
                SchedulerBuilder builder = Scheduler.create(new RecordingDataSource(pool, sql), task)
                        .tableName(table)
                        .schedulerName(new SchedulerName.Fixed(table + "-" + i))
                        .threads(config.threads())
                        .pollingInterval(config.poll())
                        .shutdownMaxWait(Duration.ofSeconds(1))
                        // interrupted sleeps at the end of a run are not failures worth a stack trace
                        .failureLogging(LogLevel.DEBUG, false);
                if (config.lockAndFetch()) {
                    builder.pollUsingLockAndFetch(0.5, 1.0); // db-scheduler's documented default for this strategy
                } else {
                    builder.pollUsingFetch(0.5, 3.0); // the default strategy with its default limits
                }
                if (config.priority()) {
                    builder.enablePriority();
                }
                if (!config.heartbeat().equals(SchedulerBuilder.DEFAULT_HEARTBEAT_INTERVAL)) {
                    // dead after 4 missed heartbeats (the least db-scheduler allows)
                    builder.heartbeatInterval(config.heartbeat()).missedHeartbeatsLimit(4);
                }
                schedulers.add(builder.build());
            }
        }

        /** An execution of the call task, due at {@code due}, whose handler blocks for {@code duration}. */
        SchedulableInstance<?> call(String id, Instant dueAt, Duration duration, int priority) {
            durationMs.put(id, duration.toMillis());
            due.put(id, dueAt);
            return task.instanceBuilder(id).priority(priority).scheduledTo(dueAt);
        }

        void schedule(List<SchedulableInstance<?>> batch) {
            for (int from = 0; from < batch.size(); from += 1_000) {
                schedulers.get(0).scheduleBatch(batch.subList(from, Math.min(batch.size(), from + 1_000)));
            }
        }

        void start() {
            schedulers.forEach(Scheduler::start);
        }

        /** How many threads A's {@code aCalls} due calls can hold at once in this configuration. */
        int busyThreadsFor(int aCalls) {
            int threads = config.threads() * config.instances();
            return Math.min(aCalls, config.tenantCap() > 0 ? Math.min(threads, config.tenantCap() * config.instances()) : threads);
        }

        long statements() {
            return sql.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long heartbeats() {
            return sql.entrySet().stream().filter(e -> e.getKey().startsWith("update " + table + " set last_heartbeat"))
                    .mapToLong(e -> e.getValue().sum()).sum();
        }

        /** The task's handler: the call, then the execution is removed (what a one-time task does), unless deferred. */
        private CompletionHandler<Void> handle(String id) {
            if (config.tenantCap() > 0) {
                AtomicInteger running = tenantInFlight.computeIfAbsent(id.substring(0, id.indexOf('-')), k -> new AtomicInteger());
                if (running.incrementAndGet() > config.tenantCap()) {
                    running.decrementAndGet();
                    deferrals.increment();
                    return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(DEFERRAL));
                }
                try {
                    call(id);
                } finally {
                    running.decrementAndGet();
                }
            } else {
                call(id);
            }
            return new CompletionHandler.OnCompleteRemove<>();
        }

        /** Blocks like a synchronous HTTP call to a Claudio that answers after the call's duration. */
        private void call(String id) {
            started.put(id, Instant.now());
            inFlight.incrementAndGet();
            try {
                Thread.sleep(durationMs.get(id));
                finished.put(id, Instant.now());
            } catch (InterruptedException e) {
                // the run is over and the scheduler stops its threads; the flag is not set again so that
                // db-scheduler can still complete the execution (its pool refuses interrupted threads)
            } finally {
                inFlight.decrementAndGet();
            }
        }

        String delay(String id, boolean start, Duration cap) {
            Instant at = (start ? started : finished).get(id);
            if (at == null) {
                return "> " + cap.toSeconds() + " s";
            }
            return String.format(Locale.ROOT, "%.1f s", Duration.between(due.get(id), at).toMillis() / 1000.0);
        }

        String verdict(String id) {
            Instant done = finished.get(id);
            return done != null && Duration.between(due.get(id), done).compareTo(B_CALL.plus(FAIRNESS)) <= 0 ? "met" : "missed";
        }

        /** How many of the calls whose id starts with {@code prefix} started before {@code id} did (all of them if it never did). */
        String startedBefore(String prefix, String id) {
            Instant at = started.get(id);
            return String.valueOf(started.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && (at == null || e.getValue().isBefore(at))).count());
        }

        String runningAt(String prefix, String id) {
            Instant at = started.get(id);
            if (at == null) {
                return "-";
            }
            return String.valueOf(started.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && !e.getValue().isAfter(at))
                    .filter(e -> !finished.containsKey(e.getKey()) || finished.get(e.getKey()).isAfter(at)).count());
        }

        void stop() {
            stoppedAt = Instant.now();
            statementsUntilStop = statements();
            schedulers.forEach(Scheduler::stop);
            // interrupted calls still complete their executions: let them before the pools close
            try {
                waitFor(() -> inFlight.get() == 0, Instant.now().plusSeconds(10));
                Instant deadline = Instant.now().plusSeconds(30);
                long seen;
                do {
                    seen = statements();
                    Thread.sleep(500);
                } while (statements() != seen && Instant.now().isBefore(deadline));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pools.forEach(AgroalDataSource::close);
            String key = config.strategy() + (config.priority() ? ", priority enabled" : "");
            synchronized (claimSql) {
                claimSql.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(sql.keySet().stream().filter(Run::claims)
                        .map(q -> q.replace(table, "scheduled_tasks")).sorted().toList());
            }
            try {
                dropTable(table);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The statements that find due executions or mark them picked. */
        static boolean claims(String statement) {
            String s = statement.toLowerCase(Locale.ROOT);
            return s.contains("execution_time <=") || s.contains("set picked = ?");
        }
    }

    /**
     * Starts the runs' schedulers, waits until A's calls hold as many threads as they can (A's calls
     * are running when B's job falls due, whatever the machine's load), then schedules B's call 1 s
     * later in every run. Returns the latest of B's due times.
     */
    static Instant startThenScheduleB(List<Run> runs, int aCalls) throws InterruptedException {
        runs.forEach(Run::start);
        waitFor(() -> runs.stream().allMatch(r -> r.started.size() >= r.busyThreadsFor(aCalls)), Instant.now().plusSeconds(15));
        Instant latest = Instant.EPOCH;
        for (Run run : runs) {
            Instant due = Instant.now().plusSeconds(1);
            run.schedule(List.of(run.call("B-1", due, B_CALL, Priority.HIGH)));
            latest = due;
        }
        return latest;
    }

    /** Stops the runs side by side (each stop waits up to ~2 s for its threads). */
    static void stopAll(List<Run> runs) throws InterruptedException {
        List<Thread> stoppers = runs.stream().map(r -> new Thread(r::stop, "stop-" + r.table)).toList();
        stoppers.forEach(Thread::start);
        for (Thread s : stoppers) {
            s.join();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier done, Instant deadline) throws InterruptedException {
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Database
    // ---------------------------------------------------------------------------------------------

    static Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /** db-scheduler's table definition for PostgreSQL (its postgresql_tables.sql), under another name. */
    static void createTable(String table) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("create table " + table + " ("
                    + " task_name text not null, task_instance text not null, task_data bytea,"
                    + " execution_time timestamp with time zone not null, picked boolean not null, picked_by text,"
                    + " last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures int,"
                    + " last_heartbeat timestamp with time zone, version bigint not null, priority smallint,"
                    + " primary key (task_name, task_instance))");
            s.execute("create index " + table + "_execution_time_idx on " + table + " (execution_time)");
            s.execute("create index " + table + "_last_heartbeat_idx on " + table + " (last_heartbeat)");
            s.execute("create index " + table + "_priority_execution_time_idx on " + table + " (priority desc, execution_time asc)");
        }
    }

    static void dropTable(String table) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop table " + table);
        }
    }

    /** A connection pool as the portal would give the scheduler (Agroal, as Quarkus uses). */
    static AgroalDataSource pool(int maxSize) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.minSize(0).maxSize(maxSize).acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(jdbcUrl).autoCommit(true)
                                .principal(new NamePrincipal(dbUser)).credential(new SimplePassword(dbPassword)))));
    }

    /** Passes db-scheduler's connections through, counting its statements and keeping their text. */
    static final class RecordingDataSource implements DataSource {

        private final DataSource delegate;
        private final Map<String, LongAdder> sql;

        RecordingDataSource(DataSource delegate, Map<String, LongAdder> sql) {
            this.delegate = delegate;
            this.sql = sql;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return record(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return record(delegate.getConnection(username, password));
        }

        private Connection record(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String text) {
                    String statement = text.strip().replaceAll("\\s+", " ").replaceAll("(?i)limit \\d+", "LIMIT <n>");
                    sql.computeIfAbsent(statement, k -> new LongAdder()).increment();
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class }, handler);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }

    /** The claim statements recorded, and a check that each due-query orders by due time across the whole table. */
    static String claimQueries() {
        StringBuilder out = new StringBuilder("=== Claim statements db-scheduler sent (recorded from its connections; LIMIT <n> = its fetch limit) ===\n");
        claimSql.forEach((strategy, statements) -> {
            out.append(strategy).append(":\n");
            statements.forEach(s -> out.append("  ").append(s).append('\n'));
            List<String> dueQueries = statements.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains("execution_time <=")).toList();
            assertFalse(dueQueries.isEmpty(), strategy + ": no due query recorded");
            for (String q : dueQueries) {
                String lower = q.toLowerCase(Locale.ROOT);
                assertTrue(lower.contains("order by " + (strategy.contains("priority") ? "priority desc, " : "") + "execution_time asc"), q);
                assertFalse(lower.contains("task_instance like") || lower.contains("partition"), q);
            }
        });
        out.append("Every due query ranks the whole table by (priority,) execution_time and takes the first LIMIT rows;\n")
                .append("nothing in it, nor a builder option, looks at who an execution belongs to.\n");
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // CPU of this JVM and of PostgreSQL
    // ---------------------------------------------------------------------------------------------

    /** CPU time used by this JVM and by PostgreSQL's processes between {@link #start()} and now. */
    static final class Cpu {

        /** Linux' USER_HZ, the unit of utime and stime in /proc/<pid>/stat. */
        static final double TICKS_PER_SECOND = 100.0;
        final long startedNanos = System.nanoTime();
        final long jvmBefore = jvmCpuNanos();
        final long pgBefore = postgresCpuTicks();

        static Cpu start() {
            return new Cpu();
        }

        /** [JVM, PostgreSQL] CPU used so far, in % of one core. */
        double[] shares() {
            double wall = (System.nanoTime() - startedNanos) / 1e9;
            return new double[] { (jvmCpuNanos() - jvmBefore) / 1e9 / wall * 100,
                    (postgresCpuTicks() - pgBefore) / TICKS_PER_SECOND / wall * 100 };
        }

        String stop() {
            double[] s = shares();
            return String.format(Locale.ROOT, "benchmark JVM %.0f %%, PostgreSQL %.0f %% of one core", s[0], s[1]);
        }

        static long jvmCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** utime + stime of the postmaster and its children (backends, background workers); 0 without /proc. */
        static long postgresCpuTicks() {
            try {
                long postmaster = postmasterPid();
                long ticks = 0;
                try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                    for (Path p : procs) {
                        long[] stat = stat(p.resolve("stat"));
                        if (stat != null && (stat[0] == postmaster || stat[1] == postmaster)) {
                            ticks += stat[2];
                        }
                    }
                }
                return ticks;
            } catch (IOException | SQLException e) {
                return 0;
            }
        }

        static Long postmaster;

        static synchronized long postmasterPid() throws SQLException, IOException {
            if (postmaster == null) {
                try (Connection c = admin(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                    r.next();
                    postmaster = stat(Path.of("/proc", String.valueOf(r.getLong(1)), "stat"))[1];
                }
            }
            return postmaster;
        }

        /** [pid, ppid, utime + stime] from a /proc/<pid>/stat file, or null if the process is gone. */
        static long[] stat(Path file) {
            try {
                String line = Files.readString(file);
                String pid = line.substring(0, line.indexOf(' '));
                // the command name is in parentheses and may contain spaces: fields are counted after the last ')'
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return new long[] { Long.parseLong(pid), Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]) };
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
