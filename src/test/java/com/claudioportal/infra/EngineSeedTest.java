package com.claudioportal.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The seed of the multi-instance test and benchmark writes jobs under running portals, whose
 * workers claim any job that is due. A job must become visible only whole — with every file row
 * and every staged byte — as the portal's own submit commits a job and its files together: a
 * worker that finds a job with one of its two files sends that one, submits it and then finds the
 * second (a file Claudio does not have), or finds none and submits a job without recordings.
 * With the S3 store each staged file is an HTTP PUT, so that window was wide enough for the
 * two-instance test to catch 24 of 300 jobs in it.
 */
class EngineSeedTest {

    @Test
    void aQueuedJobIsVisibleToTheWorkersOnlyWithAllItsFiles() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
                Connection portal = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD)) {
            // migrated by the owner, as the portals do (DB_MIGRATION_USER); the seed writes as the application role
            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_role", EmbeddedDatabase.APP)).load()
                    .migrate();
            List<String> seenWhileStaging = new ArrayList<>();
            String keys = "k1:" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
            try (EngineSeed seed = new EngineSeed(db.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD, keys,
                    // what a worker claiming due jobs would see while a file is being staged
                    (key, content) -> seenWhileStaging.add(dueJobs(portal)))) {
                EngineSeed.Tenant tenant = seed.tenant("seed-a", "http://localhost:9/claudio/seed-a", "key-seed-a-0123456789",
                        "secret-seed-a-0123456789abcdef");
                for (String job : List.of("Job 1", "Job 2")) {
                    seed.queuedJob(tenant, job, List.of(new EngineSeed.StagedFile(job + ".wav", true, new byte[] { 1, 2, 3 }),
                            new EngineSeed.StagedFile(job + "-loi.txt", false, job.getBytes(StandardCharsets.UTF_8))));
                }
            }
            // while job 1's files were staged nothing was due; while job 2's, job 1 whole and job 2 not at all
            assertEquals(List.of("", "", "Job 1 with 2 files", "Job 1 with 2 files"), seenWhileStaging);
            assertEquals("Job 1 with 2 files; Job 2 with 2 files", dueJobs(portal));
        }
    }

    private static String dueJobs(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select coalesce(string_agg(j.name || ' with ' || (select count(*) from job_file f
                        join upload u on u.id = f.upload_id where f.job_id = j.id) || ' files', '; ' order by j.name), '')
                from job j where j.status = 'QUEUED' and j.next_attempt_at <= now()""")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
