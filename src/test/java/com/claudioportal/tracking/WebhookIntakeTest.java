package com.claudioportal.tracking;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The webhook receiver under repeats and floods: coalesced timeline lines, limits per address and token, unknown addresses. */
@QuarkusTest
@TestProfile(ManualWorker.class)
class WebhookIntakeTest extends TenantTestBase {

    @Inject
    EngineKit kit;

    @Test
    void repeatNoticesForOneJobAddOneTimelineLineAndKeepItDueInThePriorityLane() {
        var t = kit.tenant("Repeat Notice Clinic", "http://localhost:9/claudio");
        String token = fixtures.newWebhookAddress(t.id());
        long jobId = kit.submittedJob(t, "REPEAT-" + System.nanoTime());
        String reference = kit.job(t.id(), jobId).claudioReference;
        kit.set(t.id(), jobId, j -> j.nextAttemptAt = Instant.now().plusSeconds(3600));
        long before = kit.job(t.id(), jobId).version;
        for (int i = 0; i < 5; i++) {
            assertEquals(200, ClaudioNotices.notice(token, reference));
        }
        var job = kit.job(t.id(), jobId);
        assertNotNull(job.promptedAt);
        assertTrue(job.nextAttemptAt.isBefore(Instant.now().plusSeconds(1)), "due now");
        assertEquals(before + 1, job.version, "the first notice changes the job; the repeats find its poll already waiting and write nothing");
        assertEquals(1, kit.timeline(t.id(), jobId).stream().filter(e -> e.message.equals(NoticeWriter.MESSAGE)).count(),
                "one line for the five notices");

        // a notice while the job's poll is in flight is a change the poll's answer must see (it re-reads the job)
        kit.set(t.id(), jobId, j -> {
            j.leaseOwner = "another-instance";
            j.leaseUntil = Instant.now().plusSeconds(60);
        });
        long claimed = kit.job(t.id(), jobId).version;
        assertEquals(200, ClaudioNotices.notice(token, reference));
        assertEquals(claimed + 1, kit.job(t.id(), jobId).version, "a notice for a claimed job bumps its version");
        kit.set(t.id(), jobId, j -> {
            j.leaseOwner = null;
            j.leaseUntil = null;
            j.nextAttemptAt = Instant.now().plusSeconds(3600);
        });
    }

    @Test
    void aFloodOnOneAddressIsLimitedWithA429InJson() {
        var t = kit.tenant("Flooded Clinic", "http://localhost:9/claudio");
        String token = fixtures.newWebhookAddress(t.id());
        // 300 notices from 12 senders at once: on a loaded machine one sender alone may be slower than the rate
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<io.restassured.response.Response> firstLimited = new java.util.concurrent.atomic.AtomicReference<>();
        long started = System.nanoTime();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                sent.add(senders.submit(() -> {
                    if (firstLimited.get() != null) {
                        return;
                    }
                    var response = ClaudioNotices.post(token, ClaudioNotices.about("NO-SUCH-JOB-" + n));
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 429) {
                        firstLimited.compareAndSet(null, response);
                    }
                }));
            }
            for (var f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        io.restassured.response.Response limited = firstLimited.get();
        assertNotNull(limited, "the rate applies: " + statuses);
        long served = statuses.stream().filter(s -> s == 200).count();
        assertTrue(served >= 20, "the burst allowance (5/s for 4 s) is served: " + statuses);
        assertTrue(served <= 20 + 5 * Math.ceil(seconds) + 12, "no more than the burst plus 5/s over " + seconds + " s: " + served);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 429), "only served or limited: " + statuses);
        assertEquals("1", limited.header("Retry-After"));
        assertEquals("too many notifications", limited.jsonPath().getString("error"));

        var other = kit.tenant("Unaffected Clinic", "http://localhost:9/claudio");
        String otherToken = fixtures.newWebhookAddress(other.id());
        assertEquals(200, ClaudioNotices.notice(otherToken, "ANY"), "another tenant's address is not limited by it");
    }

    @Test
    void unknownAddressesAreRefusedWithout500sAndARegeneratedAddressStopsAtOnce() {
        for (int i = 0; i < 5; i++) {
            ClaudioNotices.post("not-a-real-token-0123456789abc", "{}").then().statusCode(404).body("error", equalTo("unknown webhook address"));
        }
        var t = kit.tenant("Regenerating Clinic", "http://localhost:9/claudio");
        String old = fixtures.newWebhookAddress(t.id());
        assertEquals(200, ClaudioNotices.notice(old, "ANY"));
        String fresh = fixtures.newWebhookAddress(t.id());
        assertEquals(404, ClaudioNotices.notice(old, "ANY"), "the cached old address is forgotten");
        assertEquals(200, ClaudioNotices.notice(fresh, "ANY"));
    }
}
