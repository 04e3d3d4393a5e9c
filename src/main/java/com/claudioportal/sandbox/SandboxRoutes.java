package com.claudioportal.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The sandbox's HTTP face, as plain Vert.x routes rather than JAX-RS: the portal's CSRF filter
 * guards every JAX-RS form and multipart POST, and a machine client such as the Claudio client
 * has no CSRF cookie. Registered only when the sandbox is enabled, so in production these paths
 * are not served at all. No login: callers authenticate with the account's key and secret, like
 * at Claudio.
 */
@ApplicationScoped
public class SandboxRoutes {

    private static final Logger LOG = Logger.getLogger(SandboxRoutes.class);

    /**
     * Ahead of Quarkus' request-size check (order -2; its 10 MB default would refuse Claudio's
     * 250 MB uploads), which the sandbox's own body handler replaces on its paths; after the
     * security filters, which run at lower orders.
     */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    @Inject
    SandboxConfig config;

    @Inject
    SandboxUrls urls;

    @Inject
    SandboxStorage storage;

    @Inject
    SandboxService service;

    @Inject
    SandboxControlEndpoint control;

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        String base = urls.mountPath();
        long limit = Math.max(config.maxAudioBytes(), config.maxDocumentBytes()) + 1_000_000;
        route(router, base + "/*").handler(BodyHandler.create(storage.incoming().toString())
                .setBodyLimit(limit)
                .setHandleFileUploads(true)
                .setDeleteUploadedFilesOnEnd(true)
                .setMergeFormAttributes(false));
        control.register(router, base, ORDER);
        route(router, base + "/:slug/files/:token/:name").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ctx -> blocking(ctx, () -> service.download(ctx.pathParam("slug"), ctx.pathParam("token"))));
        route(router, base + "/:slug/uploads/*").handler(ctx -> write(ctx, SandboxReply.error(403,
                "ERROR: Uploaded files are referenced in Submit Job; download them through Get Job Details. ")));
        SandboxConfig.Paths paths = config.paths();
        call(router, base + "/:slug" + path(paths.uploadAudio()), ctx -> upload(ctx, SandboxCall.UPLOAD_AUDIO));
        call(router, base + "/:slug" + path(paths.uploadDocument()), ctx -> upload(ctx, SandboxCall.UPLOAD_DOCUMENT));
        call(router, base + "/:slug" + path(paths.submit()),
                ctx -> blocking(ctx, () -> service.submit(ctx.pathParam("slug"), body(ctx))));
        for (String poll : new String[] { "/:slug/jobs/:id/poll", "/:slug/jobs/poll" }) {
            call(router, base + poll, ctx -> blocking(ctx, () -> service.poll(ctx.pathParam("slug"), jobReference(ctx), body(ctx))));
        }
        for (String details : new String[] { "/:slug/jobs/:id/details", "/:slug/jobs/details" }) {
            call(router, base + details,
                    ctx -> blocking(ctx, () -> service.details(ctx.pathParam("slug"), jobReference(ctx), body(ctx))));
        }
        route(router, base + "/*").handler(ctx -> write(ctx, SandboxReply.error(404, "ERROR: Not found. ")));
        router.route(base + "/*").order(ORDER).failureHandler(this::failure);
        LOG.infof("Claudio sandbox enabled under %s", base);
    }

    private static Route route(Router router, String path) {
        return router.route(path).order(ORDER);
    }

    /** POST as assumed for every call; GET with the same body too, leniently (claudio-api.md §3). */
    private static void call(Router router, String path, io.vertx.core.Handler<RoutingContext> handler) {
        route(router, path).method(HttpMethod.POST).method(HttpMethod.GET).handler(handler);
    }

    private void upload(RoutingContext ctx, SandboxCall call) {
        String slug = ctx.pathParam("slug");
        String key = ctx.request().getFormAttribute("key");
        String secret = ctx.request().getFormAttribute("secret");
        FileUpload file = ctx.fileUploads().isEmpty() ? null : ctx.fileUploads().get(0);
        SandboxService.Upload upload = file == null ? null
                : new SandboxService.Upload(file.fileName(), Path.of(file.uploadedFileName()), file.size(), file.contentType());
        blocking(ctx, () -> service.upload(call, slug, key, secret, upload));
    }

    /** The job reference from the path, or (claudio-api.md §7.10) from a query parameter. */
    private static String jobReference(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return id != null ? id : ctx.queryParams().get("job_reference_id");
    }

    private static byte[] body(RoutingContext ctx) {
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        return buffer == null ? new byte[0] : buffer.getBytes();
    }

    private void blocking(RoutingContext ctx, Callable<SandboxReply> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
            } else {
                write(ctx, done.result());
            }
        });
    }

    static void write(RoutingContext ctx, SandboxReply reply) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (reply.dropConnection()) {
            ctx.request().connection().close();
            return;
        }
        HttpServerResponse response = ctx.response().setStatusCode(reply.status())
                .putHeader("Content-Type", reply.contentType())
                .putHeader("Cache-Control", "no-store");
        if (reply.filename() != null) {
            response.putHeader("Content-Disposition", "attachment; filename=\"" + reply.filename().replaceAll("[^\\x20-\\x7e]|\"", "_")
                    + "\"; filename*=UTF-8''" + URLEncoder.encode(reply.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (reply.file() != null) {
            response.sendFile(reply.file().toString());
        } else {
            response.end(Buffer.buffer(reply.body()));
        }
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            ctx.response().putHeader("Connection", "close");
            write(ctx, SandboxReply.error(400, "ERROR: Unexpected error occurred. The request is larger than the sandbox accepts. "));
        } else if (status >= 400 && status < 500 && ctx.failure() == null) {
            write(ctx, SandboxReply.error(status, "ERROR: Unexpected error occurred. "));
        } else {
            LOG.error("Sandbox request failed", ctx.failure());
            write(ctx, SandboxReply.error(500, "ERROR: Internal Server Error"));
        }
    }

    private static String path(String configured) {
        String p = configured.strip();
        return p.startsWith("/") ? p : "/" + p;
    }
}
