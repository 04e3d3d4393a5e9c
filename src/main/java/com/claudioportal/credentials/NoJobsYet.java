package com.claudioportal.credentials;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Placeholder until the job feature provides the real count. TODO(job): remove. */
@DefaultBean
@ApplicationScoped
class NoJobsYet implements InFlightJobs {
    @Override
    public long count() {
        return 0;
    }
}
