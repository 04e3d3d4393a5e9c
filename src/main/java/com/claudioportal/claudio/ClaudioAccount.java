package com.claudioportal.claudio;

/**
 * Where and as whom to call Claudio: a tenant's base URL and its API key and secret (sent in the
 * request body, as Claudio documents). {@link #toString()} never shows the secrets.
 */
public record ClaudioAccount(String baseUrl, String apiKey, String apiSecret) {

    @Override
    public String toString() {
        return "ClaudioAccount[" + baseUrl + ", key=" + mask(apiKey) + "]";
    }

    /** The last four characters, for pages and logs that need to tell keys apart. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return "\u2022\u2022\u2022\u2022" + (secret.length() <= 4 ? "" : secret.substring(secret.length() - 4));
    }
}
