package com.claudioportal.job;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import com.claudioportal.credentials.InFlightJobs;

/** Jobs of the active tenant that still need its Claudio connection. */
@ApplicationScoped
public class JobsInFlight implements InFlightJobs {

    @Override
    public long count() {
        return Job.count("status in ?1", Arrays.stream(JobState.values()).filter(JobState::needsConnection).toList());
    }
}
