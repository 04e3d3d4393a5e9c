package com.claudioportal.claudio;

import java.net.URI;
import java.util.Optional;

/**
 * A tenant's Claudio base URL (e.g. {@code https://api.claudio.example/team42}): an absolute
 * http(s) address without query, fragment or user info, kept without trailing slashes. Call
 * paths are appended to it; addresses Claudio returns (poll endpoints, download links) are
 * resolved against it (docs/claudio.md, "Base URL and returned addresses").
 */
record BaseUrl(String value, URI uri) {

    /** The tenant's base URL, or empty when it is not an absolute http(s) URL of that shape. */
    static Optional<BaseUrl> parse(String raw) {
        String value = normalize(raw);
        URI uri = absolute(value);
        if (uri == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        return Optional.of(new BaseUrl(value, uri));
    }

    /** Trimmed, without trailing slashes: two spellings of one base URL share connections. */
    static String normalize(String raw) {
        String s = raw == null ? "" : raw.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Scheme, host and port only: what logs may show of a tenant's base URL. */
    String origin() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** A call path below the base URL: {@code url("/jobs/submit")}. */
    String url(String path) {
        return value + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * An address Claudio returned as an absolute URL: absolute as it came (any host: download
     * links carry no credentials), or relative to the host or to the base URL; empty when
     * malformed.
     */
    Optional<String> resolve(String returned) {
        String s = returned == null ? "" : returned.strip();
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) {
            return absolute(s) == null ? Optional.empty() : Optional.of(s);
        }
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (s.startsWith("/")) {
            // "/team/jobs/x/poll" already contains the base path; "/jobs/x/poll" is relative to the base URL
            return Optional.of(!basePath.isEmpty() && s.startsWith(basePath + "/") ? origin() + s : value + s);
        }
        return Optional.of(value + "/" + s);
    }

    /**
     * Like {@link #resolve}, but empty when the address is on another scheme, host or port: the
     * portal sends the tenant's key and secret there (a returned poll endpoint).
     */
    Optional<String> resolveSameOrigin(String returned) {
        Optional<String> resolved = resolve(returned);
        if (resolved.isEmpty()) {
            return resolved;
        }
        URI other = absolute(resolved.get());
        if (other == null || !other.getScheme().equalsIgnoreCase(uri.getScheme()) || !other.getHost().equalsIgnoreCase(uri.getHost())
                || port(other) != port(uri)) {
            return Optional.empty();
        }
        return resolved;
    }

    /** An absolute http(s) URL with a host (a query is fine: a pre-signed link), or null. */
    private static URI absolute(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
