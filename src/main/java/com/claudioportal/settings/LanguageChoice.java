package com.claudioportal.settings;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The language a person chose in My settings, remembered in a cookie (it is a choice about this browser's
 * pages, needs no sign-in to apply, and the login and error pages follow it too). Without a choice the
 * browser's Accept-Language decides. Pages get the language as Qute's template locale, which Quarkus REST
 * takes from Accept-Language: the choice simply replaces that header before anything else reads it.
 */
public final class LanguageChoice {

    public static final String COOKIE = "portal-lang";
    /** The languages the portal speaks; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    /** "en", "fr", or null for "as my browser asks" (nothing chosen, or something we do not speak). */
    public static String chosen(String cookieValue) {
        String v = cookieValue == null ? "" : cookieValue.trim().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(v) ? v : null;
    }

    /**
     * The cookie that remembers {@code language} for a year, or removes the choice when it is null;
     * {@code secure} (the request came over HTTPS, directly or through a proxy that says so) keeps it off
     * plain HTTP.
     */
    public static NewCookie cookie(String language, boolean secure) {
        return remembered(COOKIE, language, secure);
    }

    /** A choice of this browser's, kept a year (or removed when null): HttpOnly, SameSite=Lax, Secure over HTTPS. */
    public static NewCookie remembered(String name, String value, boolean secure) {
        return new NewCookie.Builder(name).value(value == null ? "" : value).path("/")
                .maxAge(value == null ? 0 : 365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true)
                .secure(secure).build();
    }

    /** The chosen language, else the first of the browser's that the portal speaks, else English. */
    public static String of(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        String language = chosen(cookie == null ? null : cookie.getValue());
        if (language != null) {
            return language;
        }
        for (Locale wanted : request.getAcceptableLanguages()) {
            String l = wanted.getLanguage().toLowerCase(Locale.ROOT);
            if (LANGUAGES.contains(l)) {
                return l;
            }
        }
        return LANGUAGES.get(0);
    }

    /** Accept-Language becomes exactly the language to use, so the message bundles match it exactly ("fr", not "fr-CA"). */
    @ServerRequestFilter(preMatching = true)
    public void apply(ContainerRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, of(request));
    }
}
