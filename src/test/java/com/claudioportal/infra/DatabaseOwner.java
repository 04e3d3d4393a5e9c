package com.claudioportal.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL as the database's owner role (the one Flyway migrates with), outside the portal:
 * what someone with the owner's password, or a careless migration, could do to the audit tables.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("quarkus.datasource.jdbc.url"),
                System.getProperty("quarkus.flyway.username"), System.getProperty("quarkus.flyway.password"));
    }

    /** Runs the statements in one transaction; returns the row count of the last. */
    public static int execute(String... statements) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            int n = 0;
            for (String sql : statements) {
                try (var s = c.createStatement()) {
                    n = s.executeUpdate(sql);
                }
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement that cannot run in a transaction, e.g. {@code vacuum analyze} (which only the owner may run on its tables). */
    public static void maintenance(String sql) {
        try (Connection c = connect(); var s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the query, each as an array of its columns. */
    public static List<Object[]> query(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
