package com.claudioportal.tenant;

import com.claudioportal.job.Job;

/** Test-only: a ground-floor class that uses a feature, for LayersTest's positive control. Never ship this. */
class BackImportForLayersTest {
    Job job;
}
