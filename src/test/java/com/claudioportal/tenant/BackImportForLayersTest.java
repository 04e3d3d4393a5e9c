package com.claudioportal.tenant;

/** Test-only: a ground-floor class that uses a feature, for LayersTest's positive control. Never ship this. */
class BackImportForLayersTest {
    com.claudioportal.job.Job job;
}
