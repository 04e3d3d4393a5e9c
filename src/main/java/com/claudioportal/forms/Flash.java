package com.claudioportal.forms;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * A one-line confirmation carried across a redirect ("Member added"). Kept in a short-lived
 * cookie and shown once by the layout. Never put health information in a flash message.
 */
@RequestScoped
public class Flash {

    static final String COOKIE = "portal-flash";

    @Inject
    RoutingContext routing;

    /** A message and how it reads: "success" or "warning" (a Bootstrap alert colour). */
    public record Message(String text, String tone) {
    }

    private Message consumed;
    private boolean read;
    private boolean problem;

    public void success(String message) {
        set("success", message);
    }

    /** Something the person asked for did not happen; says why. */
    public void problem(String message) {
        problem = true;
        set("warning", message);
    }

    /** Whether this request reported a problem: the audit log records the attempt as failed. */
    public boolean hasProblem() {
        return problem;
    }

    private void set(String tone, String message) {
        Cookie cookie = Cookie.cookie(COOKIE, URLEncoder.encode(tone + ":" + message, StandardCharsets.UTF_8))
                .setPath("/").setHttpOnly(true).setMaxAge(60).setSameSite(CookieSameSite.LAX)
                .setSecure(routing.request().isSSL());
        routing.response().addCookie(cookie);
    }

    /**
     * The message in a cookie the portal wrote, or null for anything else: a cookie is the
     * browser's to send, so a malformed one (bad %-escapes, another site's value) is dropped, never
     * turns a page into an error, and is shown only in the two tones the portal uses.
     */
    static Message parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_COOKIE) {
            return null;
        }
        String value;
        try {
            value = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = value.indexOf(':');
        String tone = colon > 0 ? value.substring(0, colon) : "";
        if (!tone.equals("warning") && !tone.equals("success")) {
            return null;
        }
        String text = value.substring(colon + 1).strip();
        return text.isEmpty() || text.chars().anyMatch(Character::isISOControl) ? null : new Message(text, tone);
    }

    /** The portal's messages are a sentence or two, a few hundred characters once encoded. */
    private static final int MAX_COOKIE = 2000;

    /** The message from the previous request, removed so it shows only once. */
    public Message take() {
        if (!read) {
            read = true;
            Cookie cookie = routing.request().getCookie(COOKIE);
            if (cookie != null) {
                consumed = parse(cookie.getValue());
                routing.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
            }
        }
        return consumed;
    }
}
