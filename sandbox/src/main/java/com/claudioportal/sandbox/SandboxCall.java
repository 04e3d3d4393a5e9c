package com.claudioportal.sandbox;

/** The calls of the simulated API, as counters and fault injection tell them apart. */
public enum SandboxCall {
    UPLOAD_AUDIO,
    UPLOAD_DOCUMENT,
    SUBMIT,
    POLL,
    DETAILS,
    /** A download link (no credentials: the link is signed). */
    DOWNLOAD
}
