package com.claudioportal.claudio;

/**
 * Keeps a tenant's key and secret out of anything the client hands back or logs, even when Claudio
 * (or a proxy in front of it) echoes them in a message.
 */
record Redactor(String apiKey, String apiSecret) {

    static final int MAX_MESSAGE_CHARS = 500;

    static Redactor of(ClaudioAccount account) {
        return new Redactor(account.apiKey(), account.apiSecret());
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : new String[] { apiSecret, apiKey }) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "[redacted]");
            }
        }
        return out.length() > MAX_MESSAGE_CHARS ? out.substring(0, MAX_MESSAGE_CHARS) + "\u2026" : out;
    }
}
