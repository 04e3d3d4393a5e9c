package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * Every route the sandbox registers, enumerated from its router rather than listed by hand, is
 * sent anonymous unsafe requests: control calls need the bearer token (401), Claudio calls need an
 * account's key and secret, and nothing answers with success or a server error. The portal's own
 * routes are swept by the portal's RouteSweepTest.
 */
class SandboxRouteSweepTest {

    static SandboxHttp sandbox;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        sandbox = new SandboxHttp();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        vertx.close();
    }

    @Test
    void noRouteTakesAnAnonymousChange() {
        Set<String> paths = routes();
        assertTrue(paths.contains("/control/accounts/:slug") && paths.stream().anyMatch(p -> p.startsWith("/claudio/")),
                "the control API and the Claudio calls are enumerated: " + paths);
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            String concrete = path.replace("*", "jobs/submit").replaceAll(":[A-Za-z]+", "not-there");
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                int status = sandbox.send(method, sandbox.url() + concrete, "{\"key\":\"\",\"secret\":\"\"}", null).status();
                boolean control = concrete.startsWith("/control");
                if (control ? status != 401 : status < 400 || status >= 500) {
                    failures.add(method + " " + concrete + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), failures, "routes: " + paths);
    }

    /** The paths the sandbox's two APIs register, on a router of our own. */
    static Set<String> routes() {
        SandboxOptions options = SandboxOptions.forTests("sweep");
        Storage storage = Storage.open(null);
        SandboxState state = new SandboxState(options.processingTime(), options.linkLifetime());
        SandboxUrls urls = new SandboxUrls(sandbox.url());
        WebhookSender webhooks = new WebhookSender(vertx, options.webhookTimeout().toMillis(), state);
        ClaudioApi api = new ClaudioApi(vertx, options, state, urls, storage, new LinkSigner(Optional.empty(), Clock.systemUTC()),
                new JobCompletion(state, storage), webhooks);
        Router router = Router.router(vertx);
        new ControlApi(vertx, state, urls, api, storage, "sweep").register(router);
        api.register(router);
        Set<String> paths = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null) {
                paths.add(route.getPath());
            }
        }
        return paths;
    }
}
