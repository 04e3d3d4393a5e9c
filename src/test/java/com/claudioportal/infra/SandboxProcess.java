package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.claudioportal.sandbox.SandboxMain;
import com.claudioportal.sandbox.SandboxOptions;

/**
 * A Claudio sandbox in a process of its own ({@code java -jar target/claudio-sandbox.jar}, or its
 * main class on this JVM's class path), for the demo, crash tests and benchmarks: the portal can be
 * killed while Claudio lives on and counts what it received. Waits for the ready line
 * {@code Claudio sandbox listening on <url>}, so port 0 (any free port) works. Its {@code url} is the
 * public one, e.g. http://localhost:41234; accounts live under {@code <url>/claudio/<slug>}.
 */
public record SandboxProcess(Process process, String url, SandboxControl control) implements AutoCloseable {

    static final String READY = "Claudio sandbox listening on ";
    public static final Path JAR = Path.of("target", "claudio-sandbox.jar");

    /**
     * {@code java -jar target/claudio-sandbox.jar} (after {@code package}: the demo, integration
     * tests). Output goes to {@code log} (appended), or to this process's standard output with a
     * prefix when null.
     */
    public static SandboxProcess startJar(SandboxOptions options, List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: it is built by ./mvnw package");
        }
        return start(options, jvmOptions, log, true);
    }

    /** The sandbox's main class from this JVM's class path: for tests that run before {@code package}. */
    public static SandboxProcess startFromClassPath(SandboxOptions options, List<String> jvmOptions, Path log) {
        return start(options, jvmOptions, log, false);
    }

    private static SandboxProcess start(SandboxOptions options, List<String> jvmOptions, Path log, boolean fromJar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (fromJar) {
            command.add("-jar");
            command.add(JAR.toAbsolutePath().toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(SandboxMain.class.getName());
        }
        command.addAll(options.toArguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!options.noControl()) {
            builder.environment().put("SANDBOX_CONTROL_TOKEN", options.controlToken());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Claudio sandbox", e);
        }
        CompletableFuture<String> ready = ProcessOutput.follow(process, "sandbox", log,
                line -> line.startsWith(READY) ? line.substring(READY.length()).strip() : null,
                () -> "The sandbox process ended (exit " + exit(process) + ")");
        try {
            String url = ready.get(60, TimeUnit.SECONDS);
            return new SandboxProcess(process, url, new SandboxControl(url, options.controlToken()));
        } catch (TimeoutException | ExecutionException e) {
            Processes.stop(process);
            throw new IllegalStateException("The Claudio sandbox did not start (see " + (log == null ? "the output above" : log) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.stop(process);
            throw new IllegalStateException(e);
        }
    }

    private static String exit(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** SIGKILL: no shutdown hook, no final snapshot. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (the sandbox writes its state), then SIGKILL if it lingers. */
    @Override
    public void close() {
        Processes.stop(process);
    }

    /** Waits until the sandbox no longer runs. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
