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
    public static KeycloakServer start(Path home, Path distributionZip, Path realmFile, int port, int managementPort) {
        try {
            Path installation = unpackOnce(home, distributionZip);
            Path imports = installation.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(List.of(installation.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + managementPort, "--import-realm"))
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
        Processes.awaitOk(process, URI.create(realmUrl() + "/.well-known/openid-configuration"), timeout, Duration.ofMillis(500),
                () -> "Keycloak stopped during start-up; see keycloak.log", "Keycloak");
    }

    /**
     * Lets the portal's client redirect to {@code origin} too (e.g. a portal on a free port in a
     * test), through Keycloak's admin API with the bootstrap admin: the realm file lists only the
     * demo's address, and an existing realm is not imported again.
     */
    public void allowPortalOrigin(String origin) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            String bearer = "Bearer " + json.readTree(token.body()).path("access_token").asText();
            String clients = base + "/admin/realms/" + REALM + "/clients";
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=claudio-portal"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            var client = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(found.body()).get(0);
            var redirects = (com.fasterxml.jackson.databind.node.ArrayNode) client.get("redirectUris");
            redirects.add(origin + "/*");
            var attributes = (com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asText() + "##" + origin + "/*");
            HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client))).build(), HttpResponse.BodyHandlers.ofString());
            if (updated.statusCode() != 204) {
                throw new IllegalStateException("Keycloak refused the redirect URI (HTTP " + updated.statusCode() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach Keycloak's admin API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
}
