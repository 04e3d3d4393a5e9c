package com.claudioportal.infra;

/** A daemon thread that takes a sample every few milliseconds until stopped: for memory figures around a piece of work. */
public final class PeriodicSampler {

    private final Thread thread;
    private volatile boolean running = true;

    private PeriodicSampler(String name, long everyMillis, Runnable sample) {
        thread = new Thread(() -> {
            while (running) {
                sample.run();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    public static PeriodicSampler start(String name, long everyMillis, Runnable sample) {
        return new PeriodicSampler(name, everyMillis, sample);
    }

    /** Returns once the thread has taken its last sample. */
    public void stop() throws InterruptedException {
        running = false;
        thread.join();
    }
}
