package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * A running Claudio sandbox: its own Vert.x instance and HTTP server, the simulated API under
 * {@code /claudio/<slug>}, the control API under {@code /control}, {@code GET /health}. Started by
 * {@link SandboxMain} (the runnable jar) or, in a test JVM, directly; {@link #close} stops it
 * (and writes its state, when it has a state directory).
 */
public final class ClaudioSandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClaudioSandbox.class.getName());

    private final Vertx vertx;
    private final HttpServer server;
    private final SandboxState state;
    private final Storage storage;
    private final WebhookSender webhooks;
    private final SandboxUrls urls;
    private final long snapshotTimer;

    /** Starts a sandbox and returns once it answers on its port. */
    public static ClaudioSandbox start(SandboxOptions options) {
        return new ClaudioSandbox(options);
    }

    private ClaudioSandbox(SandboxOptions options) {
        vertx = Vertx.vertx(new VertxOptions()
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        try {
            storage = Storage.open(options.stateDir());
            state = new SandboxState(options.processingTime(), options.linkLifetime());
            List<Job> processing = storage.persistent() ? state.load(storage.snapshot()) : List.of();
            Router router = Router.router(vertx);
            // a poll answered after 30 s is normal here: no idle timeout; a deep backlog for bursts of connections
            server = await(vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port())
                    .setAcceptBacklog(8192).setIdleTimeout(0).setReuseAddress(true).setTcpNoDelay(true)
                    .setDecompressionSupported(false).setCompressionSupported(false)).requestHandler(router).listen());
            urls = new SandboxUrls(options.publicUrl() != null ? options.publicUrl() : "http://localhost:" + server.actualPort());
            webhooks = new WebhookSender(vertx, options.webhookTimeout().toMillis(), state);
            LinkSigner signer = new LinkSigner(Optional.ofNullable(options.linkSigningKey()), Clock.systemUTC());
            ClaudioApi api = new ClaudioApi(vertx, options, state, urls, storage, signer, new JobCompletion(state, storage), webhooks);
            ControlApi control = new ControlApi(vertx, state, urls, api, storage, options.controlToken());

            router.route(HttpMethod.GET, "/health").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                    .end("{\"status\":\"UP\"}"));
            if (!options.noControl()) {
                control.register(router);
            }
            api.register(router);
            router.route().handler(ctx -> Responder.write(ctx, Reply.htmlNotFound()));

            if (options.accountsFile() != null) {
                createAccounts(control, options);
            }
            processing.forEach(api::schedule);
            state.jobs.values().stream().filter(Job::completed).forEach(webhooks::notifyOnce);
            snapshotTimer = storage.persistent() ? vertx.setPeriodic(2000, id -> vertx.executeBlocking(() -> {
                state.saveIfChanged(storage.snapshot());
                return null;
            }, true).onFailure(e -> LOG.log(Level.WARNING, "Could not write the sandbox's state", e))) : -1;
            LOG.info(() -> "Claudio sandbox on " + options.host() + ":" + server.actualPort() + ", public URL " + urls.publicUrl()
                    + (storage.persistent() ? ", state in " + storage.root() : ", state in memory") + (options.noControl() ? ", no control API" : ""));
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** {@code [{"slug", "apiKey", "apiSecret", …settings}, …]} or {@code {"accounts": [ … ]}}, as the control API's bulk call. */
    private static void createAccounts(ControlApi control, SandboxOptions options) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(options.accountsFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the accounts file " + options.accountsFile(), e);
        }
        JsonNode list = root.isArray() ? root : root.path("accounts");
        if (!list.isArray()) {
            throw new IllegalArgumentException("The accounts file holds [ … ] or {\"accounts\": [ … ]}");
        }
        for (JsonNode entry : list) {
            control.put(entry.path("slug").asText(null), entry);
        }
        LOG.info(() -> "Accounts from " + options.accountsFile() + ": " + list.size());
    }

    /** How callers reach the sandbox, e.g. http://localhost:8090; account base URLs are {@code <url>/claudio/<slug>}. */
    public String url() {
        return urls.publicUrl();
    }

    public int port() {
        return server.actualPort();
    }

    /** The base URL of an account ({@code <url>/claudio/<slug>}). */
    public String baseUrl(String slug) {
        return urls.baseUrl(slug);
    }

    @Override
    public void close() {
        if (snapshotTimer >= 0) {
            vertx.cancelTimer(snapshotTimer);
        }
        try {
            await(server.close());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing the server", e);
        }
        if (storage.persistent()) {
            try {
                state.saveIfChanged(storage.snapshot());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not write the sandbox's state", e);
            }
        }
        webhooks.close();
        try {
            await(vertx.close());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing Vert.x", e);
        }
        storage.close();
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
