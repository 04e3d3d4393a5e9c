package com.claudioportal.sandbox;

/** The calls of the simulated API, as fault injection tells them apart. */
public enum SandboxCall {
    UPLOAD_AUDIO,
    UPLOAD_DOCUMENT,
    SUBMIT,
    POLL,
    DETAILS
}
