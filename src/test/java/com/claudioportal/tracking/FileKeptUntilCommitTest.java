package com.claudioportal.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Sql;
import com.claudioportal.job.JobState;
import com.claudioportal.upload.UploadStorage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 10: a file Claudio has received was deleted although the transaction recording that
 * failed, and the job then failed as "file no longer in the portal". Here the database refuses
 * the first commit that records a file as sent (a trigger): the local copy must survive it, the
 * next round sends that file again, and only a committed record lets the copy go.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class FileKeptUntilCommitTest extends WorkerTestBase {

    @Inject
    Sql sql;

    @Inject
    UploadStorage storage;

    @AfterEach
    void removeTrigger() {
        DatabaseOwner.execute("drop trigger if exists refuse_first_sent on job_file", "drop function if exists refuse_first_sent()",
                "drop sequence if exists refuse_first_sent_seq");
    }

    @Test
    void aFailedCommitKeepsTheFileAndOnlyACommittedRecordDeletesIt() {
        var w = claudio.tenant("Commit Refused Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Commit refused", false, 1);
        List<Path> files = storedFiles(jobId);
        assertEquals(2, files.size());
        // as the owner: the portal's own role may not create triggers (it may not disable the audit log's);
        // security definer, so the portal's updates count in the owner's sequence
        DatabaseOwner.execute("create sequence refuse_first_sent_seq",
                // sequences are not transactional: the count survives the rolled-back commit
                "create function refuse_first_sent() returns trigger language plpgsql security definer as $$ begin "
                        + "if new.status = 'SENT' and old.status <> 'SENT' and new.job_id = " + jobId
                        + " and nextval('refuse_first_sent_seq') = 1 then raise exception 'commit refused by the test'; end if; "
                        + "return new; end $$",
                "create trigger refuse_first_sent before update on job_file for each row execute function refuse_first_sent()");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            runQuietly();
            return refusals() >= 1;
        });
        assertTrue(Files.exists(files.get(0)), "the file whose record did not commit is still in the portal");
        assertTrue(Files.exists(files.get(1)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            runQuietly();
            return kit.job(w.tenant(), jobId).status == JobState.SUBMITTED;
        });
        assertTrue(files.stream().noneMatch(Files::exists), "Claudio has every file: the local copies are gone");
        Map<String, Long> uploads = claudio.uploadedFilenames(w.tenant()).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("dictation-1.wav", 2L, "letter-of-instruction.txt", 1L), uploads,
                "the file whose record was refused went again; the job never failed for a missing file");
    }

    private void runQuietly() {
        try {
            worker.runOnce();
        } catch (RuntimeException e) {
            // the refused commit surfaces here; the claim is released and the job taken up again
        }
    }

    private long refusals() {
        return ((Number) DatabaseOwner.query("select case when is_called then last_value else 0 end from refuse_first_sent_seq").get(0)[0])
                .longValue();
    }

    private List<Path> storedFiles(long jobId) {
        List<String> paths = sql.list(
                "select u.stored_path from upload u join job_file f on f.upload_id = u.id where f.job_id = ?1 order by f.position", jobId);
        return paths.stream().map(storage::resolve).toList();
    }
}
