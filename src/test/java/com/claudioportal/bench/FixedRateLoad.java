package com.claudioportal.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Posts one JSON body at a fixed rate, open loop: request i is due at {@code start + i / rate}
 * whether or not the answers before it have come back, and its latency counts from that due time.
 * So a stall of the server shows in the figures as the stall it is, not hidden by a load generator
 * that waits for a free connection before it sends the next request ({@code wrk}'s closed loop,
 * "coordinated omission"). That is what the webhook's target means: Claudio's notices arrive when
 * they arrive, at the rate given.
 * <p>
 * One Vert.x event loop sends everything (a 1 ms timer sends whatever has fallen due), so the
 * histogram needs no locking; latencies are in microseconds. A request not answered within 10 s
 * of being sent (or not sent within 10 s of being due, for want of a free connection) counts as
 * failed, with the time it had waited.
 */
final class FixedRateLoad {

    /** What one run saw: requests due in the measured part, their answers and their latencies. */
    record Result(int perSecond, double seconds, long sent, long answered2xx, long otherStatus, long failed, Histogram micros,
            Histogram sendLagMicros) {

        String line() {
            return String.format(Locale.ROOT, "sent %,d in %.0f s (%,.0f/s), %,d answered 2xx, %,d other status, %,d failed; "
                    + "latency from due time p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; "
                    + "the generator's own lag (sent after due) p99 %.2f ms, max %.2f ms",
                    sent, seconds, sent / seconds, answered2xx, otherStatus, failed, ms(50), ms(90), ms(99), ms(99.9),
                    micros.getMaxValue() / 1000.0, sendLagMicros.getValueAtPercentile(99) / 1000.0, sendLagMicros.getMaxValue() / 1000.0);
        }

        double ms(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private FixedRateLoad() {
    }

    /**
     * The same run in a JVM of its own, as {@code wrk} is a process of its own: the load is not
     * slowed by whatever the calling JVM holds or does (the engine benchmark's JVM has just counted
     * 50,000 jobs). Answers the result's {@link Result#line()}.
     */
    static String inOwnProcess(URI url, String body, int perSecond, int connections, Duration warmUp, Duration measured) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), FixedRateLoad.class.getName(), url.toString(), body,
                String.valueOf(perSecond), String.valueOf(connections), String.valueOf(warmUp.toMillis()), String.valueOf(measured.toMillis()))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the fixed-rate load failed: " + out);
        }
        return out.lines().filter(l -> l.startsWith(RESULT)).map(l -> l.substring(RESULT.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the fixed-rate load said no result: " + out));
    }

    private static final String RESULT = "fixed-rate result: ";

    /** {@code url body perSecond connections warmUpMillis measuredMillis}: prints the result's line. */
    public static void main(String[] args) throws Exception {
        Result result = run(URI.create(args[0]), args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Duration.ofMillis(Long.parseLong(args[4])), Duration.ofMillis(Long.parseLong(args[5])));
        System.out.println(RESULT + result.line());
    }

    /**
     * Sends for {@code warmUp} and waits for its answers (not measured: the connections open, and
     * both JVMs compile the code they run; a fresh generator JVM falls behind its own schedule for
     * the first seconds, and that backlog must not spill into the measured part), then measures
     * {@code measured} on a schedule of its own, then waits for the last answers (each request
     * gives up after 10 s).
     */
    static Result run(URI url, String body, int perSecond, int connections, Duration warmUp, Duration measured) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
            // a request waiting for a connection, or for its answer, gives up after 10 s: it counts as failed
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url.toString())
                    .putHeader("Content-Type", "application/json").setConnectTimeout(10_000).setIdleTimeout(10_000);
            Buffer payload = Buffer.buffer(body);
            phase(vertx, client, options, payload, perSecond, warmUp);
            return phase(vertx, client, options, payload, perSecond, measured);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** {@code length} of requests at {@code perSecond}, each timed from when it was due; answers once all are answered or given up. */
    private static Result phase(Vertx vertx, HttpClient client, RequestOptions options, Buffer payload, int perSecond, Duration length)
            throws Exception {
        Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        // how late the generator itself sent each request (its event loop held up by GC, compiling, or no CPU): a tail
        // in the latency that is as long as this lag is the generator's, not the server's
        Histogram sendLag = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long[] counts = new long[3]; // 2xx, other status, failed
        long[] outstanding = { 0 };
        double interval = 1e9 / perSecond;
        int total = (int) (length.toNanos() / interval);
        boolean[] answered = new boolean[total];
        long[] due = new long[total];
        int[] next = { 0 };
        CompletableFuture<Void> done = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> {
            long start = System.nanoTime();
            vertx.setPeriodic(1, timer -> {
                long now = System.nanoTime();
                while (next[0] < total && start + (long) (next[0] * interval) <= now) {
                    int i = next[0]++;
                    due[i] = start + (long) (i * interval);
                    sendLag.recordValue(Math.min(sendLag.getHighestTrackableValue(), (now - due[i]) / 1000));
                    outstanding[0]++;
                    client.request(options)
                            .compose(request -> request.send(payload))
                            .compose(response -> response.body().map(b -> response.statusCode()))
                            .onComplete(answer -> {
                                answered[i] = true;
                                micros.recordValue(Math.min(micros.getHighestTrackableValue(), (System.nanoTime() - due[i]) / 1000));
                                int status = answer.succeeded() ? answer.result() : 0;
                                counts[status == 0 ? 2 : status / 100 == 2 ? 0 : 1]++;
                                if (--outstanding[0] == 0 && next[0] == total) {
                                    done.complete(null);
                                }
                            });
                }
                if (next[0] == total) {
                    vertx.cancelTimer(timer);
                    if (outstanding[0] == 0) {
                        done.complete(null);
                    }
                }
            });
        });
        try {
            done.get(length.toSeconds() + 40, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // not expected (every request gives up after 10 s), but a report with the stragglers counted beats none
        }
        CompletableFuture<Result> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            long now = System.nanoTime();
            for (int i = 0; i < next[0]; i++) {
                if (!answered[i]) {
                    // still waiting: failed, at least this late
                    micros.recordValue(Math.min(micros.getHighestTrackableValue(), (now - due[i]) / 1000));
                    counts[2]++;
                }
            }
            long sent = next[0];
            result.complete(new Result(perSecond, length.toNanos() / 1e9, sent, counts[0], counts[1], counts[2], micros.copy(), sendLag.copy()));
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
