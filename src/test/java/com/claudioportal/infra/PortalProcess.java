package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged portal ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as in production. */
public record PortalProcess(Process process, int port, int managementPort) implements AutoCloseable {

    public static PortalProcess start(Path jar, int port, int managementPort, Map<String, String> environment,
            List<String> jvmOptions, ProcessBuilder.Redirect output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(environment);
        try {
            return new PortalProcess(builder.start(), port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the portal from " + jar, e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    /** The management interface (health, metrics), e.g. http://localhost:9000/. */
    public String managementUrl() {
        return "http://localhost:" + managementPort + "/";
    }

    public void awaitReady(Duration timeout) {
        Processes.awaitOk(process, URI.create("http://localhost:" + managementPort + "/q/health/ready"), timeout, Duration.ofMillis(250),
                () -> "The portal stopped during start-up (exit code " + process.exitValue() + ")", "The portal");
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
