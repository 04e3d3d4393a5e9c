package com.claudioportal.infra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one embedded PostgreSQL for the whole test run, before Quarkus boots, and points the
 * application at it: the portal runs as the application role, Flyway migrates as the owner, as in
 * production. Registered in META-INF/services; the suite needs no installed database.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    private static EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (database == null && System.getProperty("quarkus.datasource.jdbc.url") == null) {
            database = EmbeddedDatabase.startEphemeral();
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.username());
            System.setProperty("quarkus.datasource.password", database.password());
            System.setProperty("quarkus.flyway.username", database.ownerUsername());
            System.setProperty("quarkus.flyway.password", database.ownerPassword());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
