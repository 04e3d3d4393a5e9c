package com.claudioportal.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak, run from the {@code keycloak-quarkus-dist} zip on Maven Central (no Docker),
 * in development mode with the portal's realm imported. Used by the demo and the login IT.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "claudio-portal";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Unpacks the distribution into {@code home} (once), imports {@code realmFile} (Keycloak skips
     * a realm that already exists) and starts Keycloak on {@code port}. Output goes to {@code home/keycloak.log}.
     */
    public static KeycloakServer start(Path home, Path distributionZip, Path realmFile, int port) {
        try {
            Path installation = unpackOnce(home, distributionZip);
            Path imports = installation.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(List.of(installation.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + (port + 1000), "--import-realm"
                    ))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak.log").toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
            if (System.getProperty("java.home") != null) {
                builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            }
            return new KeycloakServer(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
    }

    public String realmUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Waits until the realm answers its discovery document. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up; see keycloak.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    private static Path unpackOnce(Path home, Path zip) throws IOException {
        Files.createDirectories(home);
        try (var entries = Files.list(home)) {
            var existing = entries.filter(p -> p.getFileName().toString().startsWith("keycloak-")
                    && Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + " (it is fetched by the Maven build: run ./mvnw -Pdemo)");
        }
        Path top = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream unzip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = unzip.getNextEntry()) != null) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("Unexpected entry " + entry.getName());
                }
                if (top == null) {
                    top = home.resolve(home.relativize(target).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(unzip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        return top;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
