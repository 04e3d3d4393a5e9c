package com.claudioportal.claudio;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;

/**
 * One SmallRye Fault Tolerance {@link Guard} per (owner, base URL): a retry around a circuit
 * breaker. The owner is the tenant the portal calls for, so one tenant's bad key or outage never
 * opens the breaker of another tenant that uses the same Claudio address. Attempts run
 * asynchronously (no thread is held while Claudio thinks, nor while waiting to retry).
 *
 * <p>What a failed attempt means is decided by {@link Attempt}; here it only becomes the signal
 * SmallRye acts on: an outage is counted by the breaker, and a retry is made when repeating is
 * safe ({@link Attempt#mayRepeat}), retries are left and the call, after the {@link Backoff} wait,
 * would still be younger than the retry budget.
 */
final class TenantGuards {

    private static final Logger LOG = Logger.getLogger(TenantGuards.class);

    private record Key(String owner, String baseUrl) {
    }

    private final ConcurrentMap<Key, Guard> guards = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, CircuitBreakerState> states = new ConcurrentHashMap<>();
    private final ClaudioConfig.Breaker breaker;
    private final ClaudioConfig.Retry retry;
    private final Backoff backoff;

    TenantGuards(ClaudioConfig.Breaker breaker, ClaudioConfig.Retry retry) {
        this.breaker = breaker;
        this.retry = retry;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
    }

    /** One call of {@code op} for {@code owner} at {@code baseUrl}: its attempts, retried as above. */
    <T> CompletionStage<Attempt<T>> run(String owner, BaseUrl baseUrl, ClaudioOperation op, Supplier<CompletionStage<Attempt<T>>> work) {
        Guard guard = guards.computeIfAbsent(new Key(owner == null ? "" : owner, baseUrl.value()), this::create);
        long started = System.nanoTime();
        AtomicInteger made = new AtomicInteger();
        CompletionStage<Attempt<T>> guarded;
        try {
            guarded = guard.get(() -> {
                int attempt = made.incrementAndGet();
                return work.get().thenCompose(outcome -> signal(op, baseUrl, outcome, attempt, started));
            }, TenantGuards.<T> stageType());
        } catch (CircuitBreakerOpenException e) {
            return CompletableFuture.completedFuture(circuitOpen());
        }
        return guarded.handle((outcome, error) -> {
            Attempt<T> last = error == null ? outcome : unsignal(error);
            if (last.failure() != null && made.get() > 1) {
                LOG.infof("Claudio %s at %s failed after %d attempts: %s", op.label, baseUrl.origin(), made.get(),
                        last.failure().getClass().getSimpleName());
            }
            return last;
        });
    }

    /** How many breakers are in each state (closed, open, half-open), for the metrics. */
    long count(CircuitBreakerState state) {
        return states.values().stream().filter(s -> s == state).count();
    }

    /** The attempt as it is, or failed with a {@link Signal} when the breaker should count it or it should be retried. */
    private <T> CompletionStage<Attempt<T>> signal(ClaudioOperation op, BaseUrl baseUrl, Attempt<T> outcome, int attempt, long started) {
        boolean again = false;
        Duration wait = Duration.ZERO;
        if (attempt <= maxRetries() && outcome.mayRepeat(op)) {
            wait = backoff.after(attempt);
            again = Duration.ofNanos(System.nanoTime() - started).plus(wait).compareTo(retry.budget()) < 0;
        }
        if (again) {
            LOG.debugf("Claudio %s at %s: attempt %d of %d failed (%s), retrying", op.label, baseUrl.origin(), attempt,
                    maxRetries() + 1, outcome.failure().getClass().getSimpleName());
        }
        return outcome.countsAsOutage() || again ? CompletableFuture.failedFuture(new Signal(outcome, outcome.countsAsOutage(), again, wait))
                : CompletableFuture.completedFuture(outcome);
    }

    @SuppressWarnings("unchecked")
    private static <T> Attempt<T> unsignal(Throwable error) {
        Throwable cause = cause(error);
        if (cause instanceof Signal signal) {
            return (Attempt<T>) signal.attempt;
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return circuitOpen();
        }
        throw error instanceof CompletionException c ? c : new CompletionException(cause);
    }

    private static <T> Attempt<T> circuitOpen() {
        return Attempt.notCalled(ClaudioResult.failure(new ClaudioFailure.CircuitOpen()));
    }

    private int maxRetries() {
        return Math.max(0, retry.maxRetries());
    }

    private Guard create(Key key) {
        states.put(key, CircuitBreakerState.CLOSED);
        return Guard.create()
                .withRetry()
                .maxRetries(maxRetries())
                // signal() already refuses a retry whose wait would end past the budget; this is SmallRye's own bound
                .maxDuration(Math.max(1, retry.budget().toMillis()), ChronoUnit.MILLIS)
                .whenException(e -> cause(e) instanceof Signal s && s.again)
                // the Backoff computed in signal(); SmallRye adds no jitter of its own to a custom backoff
                .withCustomBackoff().strategy(() -> e -> cause(e) instanceof Signal s ? s.wait.toMillis() : 0).done()
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(e -> cause(e) instanceof Signal s && s.outage)
                .onStateChange(state -> states.put(key, state))
                .done()
                .withThreadOffload(false)
                .build();
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <T> TypeLiteral<CompletionStage<Attempt<T>>> stageType() {
        return (TypeLiteral) new TypeLiteral<CompletionStage<Attempt<Object>>>() {
        };
    }

    /**
     * Fails an attempt's stage inside the guard only, so that SmallRye's breaker counts an outage
     * and its retry repeats what may be repeated; {@link #run} turns it back into the attempt.
     */
    static final class Signal extends RuntimeException {
        final transient Attempt<?> attempt;
        final boolean outage;
        final boolean again;
        final transient Duration wait;

        Signal(Attempt<?> attempt, boolean outage, boolean again, Duration wait) {
            super(null, null, false, false);
            this.attempt = attempt;
            this.outage = outage;
            this.again = again;
            this.wait = wait;
        }
    }
}
