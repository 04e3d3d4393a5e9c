package com.claudioportal.forms;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The time zone this request's pages show times in: the person's choice in My settings (cookie
 * {@link #CHOSEN}), else the browser's own zone, which portal.js reports in cookie {@link #BROWSER} on
 * every page, else UTC. Like the language it is a choice about this browser's pages, so it lives in
 * cookies and needs no sign-in (the error pages follow it too). Read by web.Times for the times pages
 * show, and by the job list's and the audit log's date filters, whose days are days in this zone. In
 * the form kit because those filters (audit is on the ground floor) read it.
 */
@RequestScoped
@jakarta.inject.Named("timeZone")
public class TimeZoneChoice {

    /** The zone chosen in My settings (an IANA id such as America/Toronto). */
    public static final String CHOSEN = "portal-tz";
    /** The zone the browser says it is in, set by portal.js (not HttpOnly: the script writes it). */
    public static final String BROWSER = "portal-browser-tz";

    @Inject
    HttpServerRequest request;

    private ZoneId zone;

    public ZoneId zone() {
        if (zone == null) {
            ZoneId chosen = parse(cookie(CHOSEN));
            ZoneId browser = parse(cookie(BROWSER));
            zone = chosen != null ? chosen : browser != null ? browser : ZoneOffset.UTC;
        }
        return zone;
    }

    /** The zone of the request being answered; UTC outside a request (mails, scheduled work). */
    public static ZoneId current() {
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return ZoneOffset.UTC;
        }
        // a request context without an HTTP request (a scheduled task, a test method) has no cookies to read
        io.quarkus.vertx.http.runtime.CurrentVertxRequest http = arc.instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get();
        if (http == null || http.getCurrent() == null) {
            return ZoneOffset.UTC;
        }
        return arc.instance(TimeZoneChoice.class).get().zone();
    }

    /** The zone's IANA name, for pages to say which zone their times are in. */
    public String zoneName() {
        return zone().getId();
    }

    /** The zone named in My settings, or null for "as my browser says". */
    public ZoneId chosen() {
        return parse(cookie(CHOSEN));
    }

    /** The browser's own zone as portal.js last reported it, or null. */
    public ZoneId browser() {
        return parse(cookie(BROWSER));
    }

    private String cookie(String name) {
        Cookie c = request.getCookie(name);
        return c == null ? null : c.getValue();
    }

    /** An IANA region id ("Europe/Paris", "UTC"), or null for anything else (offsets, garbage, empty). */
    public static ZoneId parse(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return null;
        }
        try {
            String v = java.net.URLDecoder.decode(value.trim(), java.nio.charset.StandardCharsets.UTF_8);
            return ZoneId.getAvailableZoneIds().contains(v) || v.equals("UTC") ? ZoneId.of(v) : null;
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }
}
