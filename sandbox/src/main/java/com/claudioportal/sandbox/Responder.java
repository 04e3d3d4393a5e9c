package com.claudioportal.sandbox;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes a {@link Reply}, at once or trickled as a fault asks, or drops the connection. */
final class Responder {

    private Responder() {
    }

    static void write(RoutingContext ctx, Reply reply) {
        write(ctx, reply, null);
    }

    static void write(RoutingContext ctx, Reply reply, Fault fault) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        ClaudioApi.headers(response, reply);
        if (reply.file() != null) {
            response.sendFile(reply.file().toString());
            return;
        }
        Buffer body = Buffer.buffer(reply.body());
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(body.length())).end();
        } else if (fault != null && fault.trickleBytes() > 0 && body.length() > 0) {
            trickle(ctx, response, body, fault.trickleBytes(), fault.trickleIntervalMillis());
        } else {
            response.end(body);
        }
    }

    /** The whole Content-Length announced, then {@code bytes} every {@code interval} ms: a slow or stalling server. */
    private static void trickle(RoutingContext ctx, HttpServerResponse response, Buffer body, int bytes, long interval) {
        response.putHeader("Content-Length", String.valueOf(body.length()));
        int[] sent = { 0 };
        ctx.vertx().setPeriodic(1, interval, id -> {
            if (response.closed() || response.ended()) {
                ctx.vertx().cancelTimer(id);
                return;
            }
            int end = Math.min(body.length(), sent[0] + bytes);
            Buffer chunk = body.getBuffer(sent[0], end);
            sent[0] = end;
            if (end >= body.length()) {
                ctx.vertx().cancelTimer(id);
                response.end(chunk);
            } else {
                response.write(chunk);
            }
        });
    }

    /** Closes the connection without an answer: the caller cannot tell what happened. */
    static void drop(RoutingContext ctx) {
        if (!ctx.response().closed()) {
            ctx.request().connection().close();
        }
    }
}
