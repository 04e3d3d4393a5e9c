package com.claudioportal.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.claudioportal.forms.PortalUrls;

import io.vertx.core.http.HttpServerRequest;

/**
 * A second line behind the CSRF token: an unsafe request (a form post, an upload) must come from
 * the portal's own pages. Browsers say where a request comes from in {@code Origin} (every POST) or
 * {@code Sec-Fetch-Site}; another site's page, a sibling subdomain or an opaque origin ({@code null})
 * is refused with the "form expired" page before the body is read. Requests without either header
 * are not from a current browser and still need the token. The expected origin is the request's own
 * (with {@code HTTP_BEHIND_PROXY}, as the proxy forwarded it) or the configured public URL.
 * Second tabs are unaffected: they are the same origin.
 */
public class SameOrigin {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Thrown for a request another site made; {@link ExpiredFormPage} answers it. */
    public static class CrossSiteRequest extends RuntimeException {
        CrossSiteRequest() {
            super(null, null, false, false);
        }
    }

    @Inject
    PortalUrls urls;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request, HttpServerRequest http) {
        if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            if (!isOwn(origin.trim(), http)) {
                throw new CrossSiteRequest();
            }
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw new CrossSiteRequest();
        }
    }

    private boolean isOwn(String origin, HttpServerRequest http) {
        if (origin.equalsIgnoreCase("null")) {
            return false;
        }
        String given = normalize(origin);
        if (given == null) {
            return false;
        }
        io.vertx.core.net.HostAndPort authority = http.authority();
        String own = authority == null ? null
                : normalize(http.scheme() + "://" + authority.host() + (authority.port() >= 0 ? ":" + authority.port() : ""));
        return given.equals(own) || given.equals(normalize(urls.publicUrl()));
    }

    /** scheme://host[:port], lower case, without the scheme's default port; null when it is not an origin. */
    static String normalize(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (scheme == null || host == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
