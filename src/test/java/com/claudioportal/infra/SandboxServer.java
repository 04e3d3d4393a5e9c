package com.claudioportal.infra;

import java.time.Duration;
import java.util.UUID;

import com.claudioportal.sandbox.ClaudioSandbox;
import com.claudioportal.sandbox.SandboxOptions;

/**
 * A Claudio sandbox in this JVM (its own Vert.x instance) on a free port of 127.0.0.1, state in
 * memory: starts in well under a second, for ordinary tests. {@link SandboxProcess} runs one in a
 * process of its own.
 */
public final class SandboxServer implements AutoCloseable {

    private final ClaudioSandbox sandbox;
    private final SandboxControl control;

    private SandboxServer(ClaudioSandbox sandbox, String token) {
        this.sandbox = sandbox;
        this.control = new SandboxControl(sandbox.url(), token);
    }

    /** Jobs complete 300 ms after Submit unless an account says otherwise (tests poll fast). */
    public static SandboxServer start() {
        return start(SandboxOptions.forTests("test-control-" + UUID.randomUUID()).withProcessingTime(Duration.ofMillis(300)));
    }

    public static SandboxServer start(SandboxOptions options) {
        return new SandboxServer(ClaudioSandbox.start(options), options.controlToken());
    }

    public String url() {
        return sandbox.url();
    }

    public SandboxControl control() {
        return control;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
