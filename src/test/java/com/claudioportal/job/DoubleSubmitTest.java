package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A double click sends the same form twice at the same moment: two truly concurrent posts with
 * one submission key make one job, and both are answered with its page. Back and submit again
 * later says the job was already submitted, with a link, and makes nothing.
 */
@QuarkusTest
class DoubleSubmitTest extends TenantTestBase {

    static final String STAFF = "staff@double.test";

    @Test
    @SignedInAs(STAFF)
    void twoConcurrentPostsOfOneFormMakeOneJob() throws Exception {
        Fixtures.Clinic clinic = fixtures.clinic("Double Clinic", STAFF, TenantRole.STAFF);
        String tenant = clinic.tenant();
        WebClient.Csrf csrf = WebClient.csrf("/t/" + tenant);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds: each a fresh form, posted twice at once
            for (int round = 0; round < 5; round++) {
                Map<String, Object> form = fixtures.jobForm(tenant, clinic.versionId(), "Double " + round, "Dr. Twice");
                String key = (String) form.get("submissionKey");
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> posts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    posts.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return WebClient.send("POST", "/t/" + tenant + "/jobs/new", csrf, form);
                    }));
                }
                assertTrue(ready.await(10, TimeUnit.SECONDS));
                go.countDown();
                Response first = posts.get(0).get(60, TimeUnit.SECONDS);
                Response second = posts.get(1).get(60, TimeUnit.SECONDS);
                assertEquals(303, first.statusCode(), "round " + round + ": " + first.asString());
                assertEquals(303, second.statusCode(), "round " + round + ": " + second.asString());
                assertTrue(first.header("Location").matches(".*/t/" + tenant + "/jobs/\\d+$"), first.header("Location"));
                assertEquals(first.header("Location"), second.header("Location"), "both posts lead to the same job");
                UUID submissionKey = UUID.fromString(key);
                assertEquals(1L, (long) scope.call(tenant, () -> Job.count("submissionKey", submissionKey)), "round " + round);
            }
            assertEquals(5L, (long) scope.call(tenant, () -> Job.count()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @SignedInAs(STAFF)
    void theSameFormSentAgainLaterSaysTheJobWasAlreadySubmittedAndMakesNothing() {
        Fixtures.Clinic clinic = fixtures.clinic("Again Clinic", STAFF, TenantRole.STAFF);
        String tenant = clinic.tenant();
        WebClient.Csrf csrf = WebClient.csrf("/t/" + tenant);
        Map<String, Object> form = fixtures.jobForm(tenant, clinic.versionId(), "Sent once", "Dr. Back");
        String key = (String) form.get("submissionKey");
        Response first = WebClient.send("POST", "/t/" + tenant + "/jobs/new", csrf, form);
        assertEquals(303, first.statusCode(), first.asString());
        String jobPath = first.header("Location").replaceFirst("^https?://[^/]+", "");

        // straight after: a double click, answered with the job
        Response twice = WebClient.send("POST", "/t/" + tenant + "/jobs/new", csrf, form);
        assertEquals(303, twice.statusCode(), twice.asString());
        assertEquals(first.header("Location"), twice.header("Location"));

        // a minute later (Back from the job page, then Submit): said plainly, with the job's link
        UUID submissionKey = UUID.fromString(key);
        // a bulk update, not the entity: the job engine is sending this job meanwhile and bumps its version,
        // which would roll back an entity change made here (CI saw exactly that)
        scope.run(tenant, () -> {
            Job job = Job.<Job> find("submissionKey", submissionKey).firstResult();
            Job.update("createdAt = ?1 where id = ?2", job.createdAt.minusSeconds(60), job.id);
        });
        Response later = WebClient.send("POST", "/t/" + tenant + "/jobs/new", csrf, form);
        assertEquals(409, later.statusCode());
        String page = later.asString();
        assertTrue(page.contains("This job was already submitted:"), page);
        assertTrue(page.contains("href=\"" + jobPath + "\""), "links to " + jobPath);
        assertTrue(page.contains("Nothing was sent again."));
        assertTrue(!page.contains("data-testid=\"submit-job\""), "no submit button: nothing to send");
        assertEquals(1L, (long) scope.call(tenant, () -> Job.count("submissionKey", submissionKey)));
    }
}
