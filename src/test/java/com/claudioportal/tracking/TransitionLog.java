package com.claudioportal.tracking;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.claudioportal.job.JobState;
import com.claudioportal.job.JobTransitioned;

/** Records every committed change of a job's state, so tests can compare it with the timeline. */
@ApplicationScoped
public class TransitionLog {

    private static final Map<Long, List<JobState>> STATES = new ConcurrentHashMap<>();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobTransitioned change) {
        if (change.from() != change.to()) {
            STATES.computeIfAbsent(change.jobId(), id -> new CopyOnWriteArrayList<>()).add(change.to());
        }
    }

    /** The states job {@code jobId} moved into, in order, as committed. */
    public static List<JobState> of(long jobId) {
        return List.copyOf(STATES.getOrDefault(jobId, List.of()));
    }
}
