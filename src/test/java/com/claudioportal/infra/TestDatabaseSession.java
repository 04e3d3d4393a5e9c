package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;

/**
 * Starts one embedded PostgreSQL and one OpenID Connect provider ({@link TestIdentityProvider})
 * for the whole test run, before Quarkus boots ({@link TestRunServers}), and points the application
 * at them: the portal runs as the application role, Flyway migrates as the owner, as in production.
 * The suite needs no installed database and no Keycloak.
 */
public class TestDatabaseSession extends TestRunServers {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String OIDC_SERVER = "quarkus.oidc.auth-server-url";

    public TestDatabaseSession() {
        super(new Server<EmbeddedDatabase>(JDBC_URL, EmbeddedDatabase::startEphemeral, database -> Map.of(
                JDBC_URL, database.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.APP,
                "quarkus.datasource.password", EmbeddedDatabase.APP_PASSWORD,
                "quarkus.flyway.username", EmbeddedDatabase.OWNER,
                "quarkus.flyway.password", EmbeddedDatabase.OWNER_PASSWORD)),
                new Server<TestIdentityProvider>(OIDC_SERVER, TestIdentityProvider::start, provider -> Map.of(OIDC_SERVER, provider.url())));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("portal.log-leak-check")) {
            // the log check reads the previous run's log and needs no database
            return;
        }
        deleteOldLogs();
        super.launcherSessionOpened(session);
    }

    /** The log check reads what this run logged, not a leftover of an earlier one. */
    private static void deleteOldLogs() {
        Path logs = Path.of("target", "test-logs");
        try (Stream<Path> files = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
