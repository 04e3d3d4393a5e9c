package com.claudioportal.audit;

import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/** Where a request came from: client address (after the proxy headers, when trusted), user agent, request id. */
public record AuditSource(String clientIp, String userAgent, String requestId) {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public static final AuditSource NONE = new AuditSource(null, null, null);

    /** For callers outside Quarkus REST, e.g. a plain Vert.x route such as the Claudio webhook. */
    public static AuditSource of(RoutingContext rc) {
        if (rc == null) {
            return NONE;
        }
        String ip = rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
        return new AuditSource(clip(ip, 45), clip(rc.request().getHeader("User-Agent"), 300), RequestIds.of(rc));
    }

    /** Cut to the column's size, without control characters. */
    static String clip(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // compiled once (String.replaceAll compiles it per call): this runs for every webhook notice
        String clean = CONTROL.matcher(value).replaceAll(" ").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
