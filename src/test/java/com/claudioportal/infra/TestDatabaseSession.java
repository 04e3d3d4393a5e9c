package com.claudioportal.infra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one embedded PostgreSQL for the whole test run, before Quarkus boots, and points the
 * application at it. Registered in META-INF/services; the suite needs no installed database.
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
