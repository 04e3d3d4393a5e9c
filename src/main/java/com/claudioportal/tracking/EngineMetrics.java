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
    private final Timer noticeToClaimed;
    private final Timer normalPollCall;
    private final Timer urgentPollCall;
    private final Timer normalApplyWait;
    private final Timer urgentApplyWait;

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
        // the parts of the two above, so an operator (and the benchmark) can tell where a late poll or a slow
        // notice spent its time: waiting for a slot, in Claudio's answer, or waiting for an apply thread
        this.noticeToClaimed = histogram("portal.jobs.notice.claimed", null,
                "From a webhook notice or \"check now\" to its job's claim by the priority lane");
        this.normalPollCall = histogram("portal.jobs.poll.call", "normal", "How long Claudio took to answer a poll, as the portal saw it");
        this.urgentPollCall = histogram("portal.jobs.poll.call", "priority", "How long Claudio took to answer a poll, as the portal saw it");
        this.normalApplyWait = histogram("portal.jobs.apply.wait", "normal", "From Claudio's answer to an apply thread taking it up");
        this.urgentApplyWait = histogram("portal.jobs.apply.wait", "priority", "From Claudio's answer to an apply thread taking it up");
    }

    private Timer histogram(String name, String lane, String description) {
        Timer.Builder b = Timer.builder(name).description(description).publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10));
        return (lane == null ? b : b.tag("lane", lane)).register(registry);
    }

    void inFlight(Supplier<Number> count) {
        Gauge.builder("portal.jobs.inflight", count).description("Job steps (Claudio calls) in progress in this instance")
                .register(registry);
    }

    void applyBacklog(Supplier<Number> count) {
        // above portal.worker.apply-backlog-max the instance claims no normal work: a reason a poll starts late
        Gauge.builder("portal.jobs.apply.backlog", count).description("Normal-lane answers and steps waiting for an apply thread")
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

    void noticeToClaimed(Duration took) {
        noticeToClaimed.record(took.isNegative() ? Duration.ZERO : took);
    }

    void pollCall(boolean urgent, Duration took) {
        (urgent ? urgentPollCall : normalPollCall).record(took);
    }

    void applyWait(boolean urgent, Duration took) {
        (urgent ? urgentApplyWait : normalApplyWait).record(took);
    }

    public Timer pollLatenessTimer() {
        return pollLateness;
    }

    public Timer noticeToCompletedTimer() {
        return noticeToCompleted;
    }
}
