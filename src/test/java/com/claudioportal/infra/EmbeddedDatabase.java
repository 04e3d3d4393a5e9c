package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (17.x, from Maven Central binaries) without Docker or an installed
 * database. The test suite starts a throw-away one; the demo keeps its data directory.
 *
 * <p>Like a production database it has two roles (docs/operations.md, "Database roles"): the
 * owner {@value #OWNER}, which Flyway migrates with and which owns every table, and the
 * application role {@value #APP}, which the portal runs as and which may only insert and read
 * audit rows. The database {@value #DATABASE} belongs to the owner.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "claudio_portal";
    public static final String OWNER = "portal_owner";
    public static final String APP = "portal_app";
    /** A role's password is its name: this server is for tests and the demo only. */
    public static final String OWNER_PASSWORD = OWNER;
    public static final String APP_PASSWORD = APP;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        createRolesAndDatabase();
    }

    /** A fresh server on a free port with a temporary data directory. */
    public static EmbeddedDatabase startEphemeral() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A server that keeps its data in {@code dataDirectory} between runs, on a fixed port. */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Idempotent, so a kept demo data directory starts as well as a fresh one. */
    private void createRolesAndDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> role : Map.of(OWNER, OWNER_PASSWORD, APP, APP_PASSWORD).entrySet()) {
                s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role.getKey() + "') then "
                        + "create role " + role.getKey() + " login password '" + role.getValue() + "'; end if; end $$");
            }
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database roles", e);
        }
    }

    /** No user in the URL: the driver would let it override the credentials the pool passes. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /**
     * How a packaged portal reaches this database: it runs as the application role (DB_USER) and
     * Flyway migrates as the owner (DB_MIGRATION_USER), as docs/operations.md asks of an operator.
     */
    public Map<String, String> portalEnvironment() {
        return Map.of("DB_URL", jdbcUrl(), "DB_USER", APP, "DB_PASSWORD", APP_PASSWORD,
                "DB_MIGRATION_USER", OWNER, "DB_MIGRATION_PASSWORD", OWNER_PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
