package com.claudioportal.tracking;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The job engine's metrics. Tags name lanes and outcomes only: never a tenant, a job or anything
 * about its content.
 */
@ApplicationScoped
public class EngineMetrics {

    private final MeterRegistry registry;
    private final Counter normalClaims;
    private final Counter urgentClaims;
    private final Timer pollLateness;
    private final Timer noticeToCompleted;

    @Inject
    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.normalClaims = Counter.builder("portal.jobs.claims").tag("lane", "normal")
                .description("Jobs claimed by this instance's dispatcher").register(registry);
        this.urgentClaims = Counter.builder("portal.jobs.claims").tag("lane", "priority")
                .description("Jobs claimed by this instance's dispatcher").register(registry);
        this.pollLateness = Timer.builder("portal.jobs.poll.lateness")
                .description("How long after its due time a poll started")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        this.noticeToCompleted = Timer.builder("portal.jobs.notice.completed")
                .description("From a webhook notice or \"check now\" to the job recorded as completed")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    void inFlight(Supplier<Number> count) {
        Gauge.builder("portal.jobs.inflight", count).description("Job steps (Claudio calls) in progress in this instance")
                .register(registry);
    }

    void claimed(boolean urgent, int count) {
        (urgent ? urgentClaims : normalClaims).increment(count);
    }

    void pollLateness(Duration late) {
        pollLateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    void noticeToCompleted(Duration took) {
        noticeToCompleted.record(took.isNegative() ? Duration.ZERO : took);
    }

    public Timer pollLatenessTimer() {
        return pollLateness;
    }

    public Timer noticeToCompletedTimer() {
        return noticeToCompleted;
    }
}
