package com.claudioportal.upload;

/** What an upload is for: a recording to transcribe, or a supporting document. */
public enum UploadKind {
    AUDIO, DOCUMENT;

    /** A recording (templates: {@code kind.audio}). */
    public boolean isAudio() {
        return this == AUDIO;
    }

    /** The kind a client names ("audio", "DOCUMENT"), or null for anything else. */
    public static UploadKind parse(String name) {
        for (UploadKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }
}
