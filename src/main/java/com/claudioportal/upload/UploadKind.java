package com.claudioportal.upload;

/** What an upload is for: a recording to transcribe, or a supporting document. */
public enum UploadKind {
    AUDIO("recording"), DOCUMENT("document");

    private final String noun;

    UploadKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
