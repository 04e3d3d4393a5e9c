package com.claudioportal.claudio;

/**
 * Where and as whom to call Claudio: a tenant's base URL and its API key and secret (sent in the
 * request body, as Claudio documents). {@code owner} is an opaque name of whoever the calls are
 * made for (the portal passes the tenant id): circuit breakers are kept per owner and base URL,
 * so one owner's failures never stop another's calls. {@link #toString()} never shows the secrets.
 */
public record ClaudioAccount(String baseUrl, String apiKey, String apiSecret, String owner) {

    public ClaudioAccount {
        owner = owner == null ? "" : owner;
    }

    /** An account without an owner: its breaker is shared with every other owner-less account at this base URL. */
    public ClaudioAccount(String baseUrl, String apiKey, String apiSecret) {
        this(baseUrl, apiKey, apiSecret, "");
    }

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
