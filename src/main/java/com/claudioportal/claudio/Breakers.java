package com.claudioportal.claudio;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;

/**
 * One SmallRye Fault Tolerance circuit breaker per (owner, base URL): the owner is the tenant the
 * portal calls for, so one tenant's bad key or outage never opens the breaker of another tenant
 * that uses the same Claudio address. Attempts run asynchronously through the breaker (no thread
 * is held while Claudio thinks).
 */
final class Breakers {

    private record Key(String owner, String baseUrl) {
    }

    private final ConcurrentMap<Key, Guard> guards = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, CircuitBreakerState> states = new ConcurrentHashMap<>();
    private final ClaudioSettings.Breaker settings;

    Breakers(ClaudioSettings.Breaker settings) {
        this.settings = settings;
    }

    /** Runs one attempt through the breaker of {@code owner} at {@code baseUrl}. */
    <T> CompletionStage<Attempt<T>> run(String owner, String baseUrl, Supplier<CompletionStage<Attempt<T>>> work) {
        Guard guard = guards.computeIfAbsent(new Key(owner == null ? "" : owner, baseUrl), this::create);
        CompletionStage<Attempt<T>> guarded;
        try {
            guarded = guard.get(() -> work.get().thenCompose(attempt -> attempt.countsAsOutage()
                    ? CompletableFuture.failedFuture(new OutageSignal(attempt))
                    : CompletableFuture.completedFuture(attempt)), Breakers.<T> stageType());
        } catch (CircuitBreakerOpenException e) {
            return CompletableFuture.completedFuture(Attempt.notCalled(ClaudioResult.failure(new ClaudioFailure.CircuitOpen())));
        }
        return guarded.handle((attempt, error) -> {
            if (error == null) {
                return attempt;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof OutageSignal signal) {
                @SuppressWarnings("unchecked")
                Attempt<T> failed = (Attempt<T>) signal.attempt;
                return failed;
            }
            if (cause instanceof CircuitBreakerOpenException) {
                return Attempt.notCalled(ClaudioResult.failure(new ClaudioFailure.CircuitOpen()));
            }
            throw error instanceof CompletionException c ? c : new CompletionException(cause);
        });
    }

    /** How many breakers are in each state (closed, open, half-open), for the metrics. */
    long count(CircuitBreakerState state) {
        return states.values().stream().filter(s -> s == state).count();
    }

    private Guard create(Key key) {
        states.put(key, CircuitBreakerState.CLOSED);
        return Guard.create()
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.requestVolumeThreshold())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(settings.successThreshold())
                .failOn(OutageSignal.class)
                .onStateChange(state -> states.put(key, state))
                .done()
                .withThreadOffload(false)
                .build();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <T> TypeLiteral<CompletionStage<Attempt<T>>> stageType() {
        return (TypeLiteral) new TypeLiteral<CompletionStage<Attempt<Object>>>() {
        };
    }

    /** Fails the stage inside the breaker only, so that SmallRye counts the attempt as a failure. */
    static final class OutageSignal extends RuntimeException {
        final transient Attempt<?> attempt;

        OutageSignal(Attempt<?> attempt) {
            super(null, null, false, false);
            this.attempt = attempt;
        }
    }
}
