package com.claudioportal.sandbox;

/** Which of the vendor's two documented renderings the sandbox answers in. */
public enum PollStyle {
    /**
     * {@code transcript_url}, {@code extracted_fields}, {@code media_files} while in progress, Submit
     * answers with {@code msg} and an absolute {@code poll_endpoint}.
     */
    NEWER,
    /**
     * {@code transcript_location}, no {@code media_files} while in progress, Submit answers with
     * {@code message} and a host-relative {@code poll_endpoint}.
     */
    OLDER
}
