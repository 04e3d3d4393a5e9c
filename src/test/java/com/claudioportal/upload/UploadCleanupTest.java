package com.claudioportal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Sql;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;

/** Uploads nobody used are deleted after a day, file and row; fresh ones and a job's files stay. */
@QuarkusTest
class UploadCleanupTest extends TenantTestBase {

    @Inject
    UploadCleanup cleanup;

    @Inject
    UploadStorage storage;

    @Inject
    Sql sql;

    @Test
    void aDayOldUnusedUploadIsDeletedAndNothingElse() {
        String tenant = fixtures.tenant("Cleanup Clinic", Fixtures.email("admin"));
        String other = fixtures.tenant("Cleanup Other", Fixtures.email("admin"));
        long profile = fixtures.seedProfile(tenant);
        UUID old = fixtures.upload(tenant);
        UUID fresh = fixtures.upload(tenant);
        UUID otherOld = fixtures.upload(other);
        long job = fixtures.finishedJob(tenant, profile);
        UUID used = scope.call(tenant, () -> Upload.<Upload> find("jobId", job).firstResult().id);
        String oldPath = stored(tenant, old);
        String otherPath = stored(other, otherOld);
        for (UUID id : new UUID[] { old, used, otherOld }) {
            sql.update("update upload set created_at = now() - interval '25 hours' where id = ?1", id);
        }
        // just under the day: kept
        sql.update("update upload set created_at = now() - interval '23 hours' where id = ?1", fresh);

        cleanup.deleteAbandoned(java.time.Instant.now().minus(java.time.Duration.ofHours(24)));

        assertTrue(scope.call(tenant, () -> Upload.findById(old) == null), "the abandoned upload's row is gone");
        assertFalse(Files.exists(storage.resolve(oldPath)), "and its file");
        assertTrue(scope.call(other, () -> Upload.findById(otherOld) == null), "in every tenant");
        assertFalse(Files.exists(storage.resolve(otherPath)));
        assertTrue(scope.call(tenant, () -> Upload.findById(fresh) != null), "a recent upload stays");
        assertTrue(Files.exists(storage.resolve(stored(tenant, fresh))), "with its file");
        assertEquals(used, scope.call(tenant, () -> Upload.<Upload> findById(used).id), "a job's upload stays");
    }

    private String stored(String tenant, UUID id) {
        return scope.call(tenant, () -> Upload.<Upload> findById(id).storedPath);
    }
}
