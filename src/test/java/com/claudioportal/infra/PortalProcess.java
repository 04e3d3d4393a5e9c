package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged portal ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as in production. */
public final class PortalProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;

    private PortalProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

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

    public Process process() {
        return process;
    }

    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal stopped during start-up (exit code " + process.exitValue() + ")");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            KeycloakServer.sleep(250);
        }
        throw new IllegalStateException("The portal was not ready within " + timeout);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
