package com.claudioportal.claudio;

/** The calls the portal makes, with the words used for them in failures, logs and metrics. */
enum ClaudioOperation {
    UPLOAD_AUDIO("upload audio", "upload_audio"),
    UPLOAD_DOCUMENT("upload document", "upload_document"),
    SUBMIT("submit job", "submit"),
    POLL("poll job", "poll"),
    DETAILS("get job details", "details"),
    CHECK("connection check", "check");

    final String label;
    final String metricName;

    ClaudioOperation(String label, String metricName) {
        this.label = label;
        this.metricName = metricName;
    }
}
