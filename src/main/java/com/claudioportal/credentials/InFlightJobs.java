package com.claudioportal.credentials;

/**
 * How many of the active tenant's jobs still need the Claudio connection (submitting, or
 * submitted and not finished). Implemented by the job feature.
 */
public interface InFlightJobs {
    long count();
}
