package com.claudioportal.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Keeps the portal's Vert.x router of a test run, so tests can list the routes registered outside JAX-RS. */
@ApplicationScoped
public class RouterCapture {

    private static volatile Router router;

    void capture(@Observes Router r) {
        router = r;
    }

    public static Router router() {
        if (router == null) {
            throw new IllegalStateException("The portal's router was not observed (is this a @QuarkusTest?)");
        }
        return router;
    }
}
