package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.EmbeddedDatabase;
import com.claudioportal.infra.OidcStub;
import com.claudioportal.infra.PortalProcess;
import com.sun.net.httpserver.HttpServer;

/**
 * Several replicas starting together on an empty database (a first install, or a rolling update
 * that brings migrations): Flyway holds a PostgreSQL advisory lock while it migrates, so exactly
 * one process applies each migration and the other waits and finds the schema current. Two
 * packaged portals in the production profile start at the same moment on one empty embedded
 * PostgreSQL; both must become ready, each migration must be recorded once, and neither log may
 * show an error.
 *
 * <p>No login happens, so instead of a Keycloak (15–55 s to start) a stub in this JVM serves the
 * two documents the portal fetches from its OIDC provider at start-up: the discovery document and
 * the signing keys.
 */
class ConcurrentMigrationIT {

    @Test
    void twoInstancesStartingTogetherMigrateTheEmptyDatabaseOnce() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the portal first (./mvnw verify does)");
        Path logs = Files.createDirectories(Path.of("target/concurrent-migration").toAbsolutePath());
        HttpServer oidc = OidcStub.start();
        try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
            String issuer = OidcStub.issuer(oidc);
            Map<String, String> env = new HashMap<>(database.portalEnvironment());
            env.putAll(Map.of(
                    "OIDC_AUTH_SERVER_URL", issuer,
                    "OIDC_CLIENT_SECRET", "concurrent-migration-client-secret",
                    "SESSION_ENCRYPTION_SECRET", "concurrent-migration-session-secret-0123456789",
                    "PORTAL_ENCRYPTION_KEYS", "k1:" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32))));
            env.put("PORTAL_AUDIT_KEYS", "a1:" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
            List<PortalProcess> portals = new ArrayList<>();
            List<Path> logFiles = new ArrayList<>();
            try {
                for (int i = 1; i <= 2; i++) {
                    Map<String, String> own = new HashMap<>(env);
                    own.put("PORTAL_DATA_DIR", Files.createDirectories(logs.resolve("data-" + i)).toString());
                    Path log = logs.resolve("portal-" + i + ".log");
                    Files.deleteIfExists(log);
                    logFiles.add(log);
                    portals.add(PortalProcess.start(jar, freePort(), freePort(), own,
                            List.of("-Xmx384m", "-Dquarkus.analytics.disabled=true"), ProcessBuilder.Redirect.to(log.toFile())));
                }
                CompletableFuture.allOf(portals.stream()
                        .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofMinutes(3))))
                        .toArray(CompletableFuture[]::new)).join();

                List<String> migrations = migrationFiles();
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD);
                        Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "select version, count(*), bool_and(success) from flyway_schema_history where version is not null group by version order by version::int")) {
                    List<String> applied = new ArrayList<>();
                    while (rows.next()) {
                        assertEquals(1, rows.getInt(2), "migration V" + rows.getString(1) + " recorded " + rows.getInt(2) + " times");
                        assertTrue(rows.getBoolean(3), "migration V" + rows.getString(1) + " failed");
                        applied.add(rows.getString(1));
                    }
                    assertEquals(migrations, applied, "every migration applied once, in order");
                }
            } finally {
                portals.forEach(PortalProcess::close);
            }
            List<String> outputs = new ArrayList<>();
            for (Path log : logFiles) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                outputs.add(output);
                List<String> bad = output.lines().filter(l -> l.contains(" ERROR ") || l.contains("Exception")).toList();
                assertTrue(bad.isEmpty(), log.getFileName() + " has errors:\n" + String.join("\n", bad));
            }
            int count = migrationFiles().size();
            long migrated = outputs.stream().filter(o -> o.contains("Successfully applied " + count + " migration")).count();
            long current = outputs.stream().filter(o -> o.contains("is up to date. No migration necessary")).count();
            assertEquals(1, migrated, "exactly one instance migrated");
            assertEquals(1, current, "the other found the schema current");
        } finally {
            oidc.stop(0);
        }
    }

    static List<String> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
