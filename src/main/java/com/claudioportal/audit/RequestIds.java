package com.claudioportal.audit;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id, sent back as {@code X-Request-Id} and stored with the audit
 * events the request causes, so an event can be matched with the server's log lines and what the
 * person saw. Runs first on every route.
 */
@ApplicationScoped
public class RequestIds {

    static final String KEY = "portal.request-id";
    public static final String HEADER = "X-Request-Id";

    private final SecureRandom random = new SecureRandom();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(rc -> {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            rc.put(KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        });
    }

    /** The request's id, or null outside a request. */
    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(KEY);
    }
}
