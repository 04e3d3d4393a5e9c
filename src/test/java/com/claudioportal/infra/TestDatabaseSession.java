package com.claudioportal.infra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one embedded PostgreSQL and one OpenID Connect provider ({@link TestIdentityProvider})
 * for the whole test run, before Quarkus boots, and points the application at them: the portal
 * runs as the application role, Flyway migrates as the owner, as in production. Registered in
 * META-INF/services; the suite needs no installed database and no Keycloak.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    private static EmbeddedDatabase database;
    private static TestIdentityProvider identityProvider;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("portal.log-leak-check")) {
            // the log check reads the previous run's log and needs no database
            return;
        }
        deleteOldLogs();
        if (database == null && System.getProperty("quarkus.datasource.jdbc.url") == null) {
            database = EmbeddedDatabase.startEphemeral();
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.APP);
            System.setProperty("quarkus.datasource.password", EmbeddedDatabase.APP_PASSWORD);
            System.setProperty("quarkus.flyway.username", EmbeddedDatabase.OWNER);
            System.setProperty("quarkus.flyway.password", EmbeddedDatabase.OWNER_PASSWORD);
        }
        if (identityProvider == null && System.getProperty("quarkus.oidc.auth-server-url") == null) {
            identityProvider = TestIdentityProvider.start();
            System.setProperty("quarkus.oidc.auth-server-url", identityProvider.url());
        }
    }

    /** The log check reads what this run logged, not a leftover of an earlier one. */
    private static void deleteOldLogs() {
        java.nio.file.Path logs = java.nio.file.Path.of("target", "test-logs");
        try (var files = java.nio.file.Files.exists(logs) ? java.nio.file.Files.list(logs) : java.util.stream.Stream.<java.nio.file.Path> empty()) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
        if (identityProvider != null) {
            identityProvider.close();
            identityProvider = null;
            System.clearProperty("quarkus.oidc.auth-server-url");
        }
    }
}
