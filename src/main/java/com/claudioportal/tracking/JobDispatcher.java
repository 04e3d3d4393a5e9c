package com.claudioportal.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

/**
 * One instance's job dispatcher: a single loop thread that (1) works out free capacity — a global
 * limit, a limit per tenant and a reserve for the priority lane; (2) claims that much due work,
 * fairly across tenants ({@link JobClaims}); (3) starts each job's step asynchronously
 * ({@link JobWorker}), holding no thread while Claudio answers; (4) sleeps until woken (a step
 * finished, work became due here or in another instance) or a short timeout. Every step this
 * instance holds — waiting for an apply thread, calling Claudio or applying the answer — has its
 * lease renewed by one batched statement until it ends; then the claim is released. Normal work is
 * claimed only while the apply threads' backlog is short, so an instance never holds more than it
 * can start soon.
 * <p>
 * Several dispatchers (instances, or tests with different owners) share the work safely:
 * claims use SKIP LOCKED and leases; a dead owner's claims are picked up after the lease.
 */
public final class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private record InFlight(String tenantId, boolean urgent) {
    }

    private record Finished(long jobId, Throwable error) {
    }

    private final String owner;
    private final WorkerConfig config;
    private final JobClaims claims;
    private final JobWorker worker;
    private final EngineMetrics metrics;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final Semaphore signal = new Semaphore(0);
    private final ScheduledExecutorService heartbeat;
    private final AtomicReference<Error> crash = new AtomicReference<>();
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread loop;

    public JobDispatcher(String owner, WorkerConfig config, JobClaims claims, JobWorker worker, EngineMetrics metrics) {
        this.owner = owner;
        this.config = config;
        this.claims = claims;
        this.worker = worker;
        this.metrics = metrics;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-lease-heartbeat"));
        long every = Math.max(100, config.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    public String owner() {
        return owner;
    }

    /** Job steps in progress here. */
    public int inFlight() {
        return inFlight.size();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = daemon(this::run, "job-dispatcher");
        loop.start();
    }

    /** Stops claiming; steps in progress finish or are picked up elsewhere after their lease. */
    public synchronized void stop() {
        running = false;
        stopped = true;
        signal.release();
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeat.shutdownNow();
    }

    /** Something may have become due (or capacity freed): look now rather than after the timeout. */
    public void wake() {
        signal.release();
    }

    private void run() {
        while (running) {
            try {
                releaseFinished();
                claimAndStart();
            } catch (RuntimeException e) {
                // our own database is down or a bug: say so (no health information) and try again soon
                LOG.errorf("The job dispatcher could not claim work (%s); trying again shortly", Failures.describe(e));
            }
            try {
                if (signal.tryAcquire(config.every().toMillis(), TimeUnit.MILLISECONDS)) {
                    // several wake-ups close together make one round
                    Thread.sleep(5);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims what the free capacity allows, priority lane first, and starts each step. */
    private List<CompletableFuture<Void>> claimAndStart() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        int max = config.maxInFlight();
        int total = inFlight.size();
        int urgentFree = max - total;
        if (urgentFree > 0) {
            for (JobClaims.Claim claim : claims.claim(true, owner, config.lease(), urgentFree, config.priorityPerTenant(), busy(true))) {
                started.add(start(claim));
            }
        }
        total = inFlight.size();
        int normal = (int) inFlight.values().stream().filter(f -> !f.urgent()).count();
        int normalFree = Math.min(max - config.priorityReserve() - normal, max - total);
        // no hoarding: claim only what the apply threads can start soon; the rest stays unclaimed, due, for
        // whichever instance has room (a claimed step waiting here is late all the same, and holds a lease)
        normalFree = Math.min(normalFree, config.applyBacklogMax() - worker.applyBacklog());
        if (normalFree > 0) {
            for (JobClaims.Claim claim : claims.claim(false, owner, config.lease(), normalFree, config.maxInFlightPerTenant(), busy(false))) {
                started.add(start(claim));
            }
        }
        return started;
    }

    private Map<String, Integer> busy(boolean urgent) {
        Map<String, Integer> counts = new HashMap<>();
        for (InFlight f : inFlight.values()) {
            if (f.urgent() == urgent) {
                counts.merge(f.tenantId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private CompletableFuture<Void> start(JobClaims.Claim claim) {
        inFlight.put(claim.jobId(), new InFlight(claim.tenantId(), claim.urgent()));
        metrics.claimed(claim.urgent(), 1);
        if (claim.urgent() && claim.promptedAt() != null && claim.claimedAt() != null) {
            metrics.noticeToClaimed(Duration.between(claim.promptedAt(), claim.claimedAt()));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            worker.process(claim, owner).whenComplete((v, error) -> {
                finished(claim.jobId(), error);
                done.complete(null);
            });
        } catch (RuntimeException | Error e) {
            finished(claim.jobId(), e);
            done.complete(null);
        }
        return done;
    }

    private void finished(long jobId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Error e) {
            // as if this process had died here: the claim is left to run out, nothing is renewed
            inFlight.remove(jobId);
            crash.compareAndSet(null, e);
            LOG.errorf("Job %d: the worker stopped (%s); the job is picked up again when its claim runs out", jobId,
                    e.getClass().getSimpleName());
        } else {
            if (cause != null && !stopped) {
                LOG.errorf("Job %d could not be processed (%s); it will be retried", jobId, Failures.describe(cause));
            } else if (cause != null) {
                // shutting down: the pools the step needed are closing; its claim runs out and another instance takes it
                LOG.debugf("Job %d: step ended by the shutdown (%s)", jobId, cause.getClass().getSimpleName());
            }
            finished.add(new Finished(jobId, cause));
        }
        signal.release();
    }

    /** Releases the claims of finished steps in two statements (after an error, postponed). */
    private void releaseFinished() {
        List<Long> done = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (Finished f; (f = finished.poll()) != null;) {
            (f.error() == null ? done : failed).add(f.jobId());
        }
        try {
            claims.release(owner, done, null);
            claims.release(owner, failed, config.retryBase());
        } finally {
            done.forEach(inFlight::remove);
            failed.forEach(inFlight::remove);
        }
    }

    /** Every step held here, whatever it is waiting for (an apply thread, Claudio, a commit). */
    private void renewLeases() {
        try {
            claims.renew(owner, List.copyOf(inFlight.keySet()), config.lease());
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew this instance's job claims: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * One round without the loop, waiting until every step it started has ended: claim, process,
     * release. Tests drive the engine with it; an Error a step hit (a simulated crash) is rethrown.
     */
    public void runOnce() {
        crash.set(null);
        List<CompletableFuture<Void>> started = claimAndStart();
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        releaseFinished();
        Error e = crash.getAndSet(null);
        if (e != null) {
            throw e;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    Duration lease() {
        return config.lease();
    }
}
