package com.claudioportal.claudio;

import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Passes an upload's bytes on to the request and counts them, for the minimum-rate watchdog. */
final class CountingStream implements WriteStream<Buffer> {

    private final WriteStream<Buffer> target;
    private final AtomicLong written;

    CountingStream(WriteStream<Buffer> target, AtomicLong written) {
        this.target = target;
        this.written = written;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        target.exceptionHandler(handler);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        written.addAndGet(data.length());
        return target.write(data);
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        written.addAndGet(data.length());
        target.write(data, handler);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        target.end(handler);
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        target.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return target.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        target.drainHandler(handler);
        return this;
    }
}
