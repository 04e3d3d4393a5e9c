package com.claudioportal.tracking;

import com.claudioportal.claudio.ClaudioFailure;
import com.claudioportal.job.JobLine;

/**
 * A Claudio failure as a nested line of a job's timeline or status detail ({@code failure_<code>}
 * of web.TimelineMessages): the claudio package words it in English only and imports nothing of
 * ours, so the reader's language is chosen here, at the first caller that knows about pages.
 */
final class FailureLines {

    private FailureLines() {
    }

    static JobLine of(ClaudioFailure failure) {
        return JobLine.of("failure_" + failure.code(), failure.params());
    }
}
