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

    /** The message from the previous request, removed so it shows only once. */
    public Message take() {
        if (!read) {
            read = true;
            Cookie cookie = routing.request().getCookie(COOKIE);
            if (cookie != null) {
                String value = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                int colon = value.indexOf(':');
                String tone = colon > 0 ? value.substring(0, colon) : "";
                consumed = tone.equals("warning") || tone.equals("success") ? new Message(value.substring(colon + 1), tone)
                        : new Message(value, "success");
                routing.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
            }
        }
        return consumed;
    }
}
