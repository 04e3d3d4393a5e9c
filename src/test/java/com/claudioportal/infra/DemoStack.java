package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the demo needs, started without Docker: an embedded PostgreSQL, a real Keycloak with
 * the portal's realm, and the packaged portal in its {@code demo} profile (sandbox on, demo data).
 * The demo launcher and the Keycloak login IT both use it.
 */
public final class DemoStack implements AutoCloseable {

    public record Settings(Path home, Path keycloakZip, Path realmFile, Path portalJar, int portalPort, int managementPort,
            int keycloakPort, int databasePort, boolean keepData, ProcessBuilder.Redirect portalOutput,
            Map<String, String> extraEnvironment) {

        /** Reads the settings the Maven build passes as system properties. */
        public static Settings fromSystemProperties(boolean keepData, ProcessBuilder.Redirect portalOutput) {
            Path home = Path.of(System.getProperty("demo.home", ".demo")).toAbsolutePath();
            return new Settings(home,
                    Path.of(required("keycloak.zip")),
                    Path.of("docker/keycloak/claudio-portal-realm.json").toAbsolutePath(),
                    Path.of(System.getProperty("portal.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath(),
                    Integer.getInteger("portal.port", 8080), Integer.getInteger("portal.management.port", 9000),
                    Integer.getInteger("keycloak.port", 8180),
                    Integer.getInteger("demo.db.port", 55432), keepData, portalOutput, Map.of());
        }

        private static String required(String name) {
            String value = System.getProperty(name);
            if (value == null) {
                throw new IllegalStateException("System property " + name + " is not set (run through Maven)");
            }
            return value;
        }
    }

    private final EmbeddedDatabase database;
    private final KeycloakServer keycloak;
    private final Settings settings;
    private final Map<String, String> portalEnvironment;
    private PortalProcess portal;

    private DemoStack(EmbeddedDatabase database, KeycloakServer keycloak, Settings settings, Map<String, String> portalEnvironment,
            PortalProcess portal) {
        this.database = database;
        this.keycloak = keycloak;
        this.settings = settings;
        this.portalEnvironment = portalEnvironment;
        this.portal = portal;
    }

    public static DemoStack start(Settings s) {
        ensureFree(s.portalPort(), "the portal");
        ensureFree(s.managementPort(), "the portal's health and metrics");
        ensureFree(s.keycloakPort(), "Keycloak");
        try {
            Files.createDirectories(s.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Keycloak takes longest: start it first and let the database and portal come up meanwhile.
        KeycloakServer keycloak = KeycloakServer.start(s.home(), s.keycloakZip(), s.realmFile(), s.keycloakPort());
        CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(() -> keycloak.awaitReady(Duration.ofMinutes(4)));
        EmbeddedDatabase database = s.keepData()
                ? EmbeddedDatabase.startPersistent(s.home().resolve("pgdata"), s.databasePort())
                : EmbeddedDatabase.startEphemeral();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_PROFILE", "demo",
                "DB_URL", database.jdbcUrl(),
                "DB_USER", database.username(),
                "DB_PASSWORD", database.password(),
                "DB_MIGRATION_USER", database.ownerUsername(),
                "DB_MIGRATION_PASSWORD", database.ownerPassword(),
                "OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "PORTAL_DATA_DIR", s.home().resolve("data").toString()));
        env.putAll(s.extraEnvironment());
        DemoStack stack = new DemoStack(database, keycloak, s, Map.copyOf(env), startPortal(s, env));
        try {
            stack.portal.awaitReady(Duration.ofMinutes(2));
            keycloakReady.join();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private static PortalProcess startPortal(Settings s, Map<String, String> env) {
        return PortalProcess.start(s.portalJar(), s.portalPort(), s.managementPort(), env,
                List.of("-Xmx512m", "-Dquarkus.analytics.disabled=true"), s.portalOutput());
    }

    /** Kills the portal the hard way (SIGKILL: no shutdown hooks, no clean-up) and starts it again on the same data. */
    public void killAndRestartPortal() {
        try {
            portal.process().destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        portal = startPortal(settings, portalEnvironment);
        portal.awaitReady(Duration.ofMinutes(2));
    }

    public String databaseUrl() {
        return database.jdbcUrl();
    }

    public String portalUrl() {
        return portal.baseUrl();
    }

    public String keycloakUrl() {
        return keycloak.realmUrl();
    }

    public PortalProcess portal() {
        return portal;
    }

    @Override
    public void close() {
        portal.close();
        keycloak.close();
        database.close();
    }

    private static void ensureFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use, so " + what + " cannot start there. "
                    + "Stop whatever uses it (another demo run?) and try again.");
        }
    }
}
