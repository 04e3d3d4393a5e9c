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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.WebClient;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.response.Response;

/**
 * A double click sends the same form twice at the same moment: two truly concurrent posts with
 * one submission key make one job, and both are answered with its page.
 */
@QuarkusTest
class DoubleSubmitTest {

    static final String STAFF = "staff@double.test";

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    @Test
    @TestSecurity(user = STAFF)
    @OidcSecurity(claims = { @Claim(key = "email", value = STAFF), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void twoConcurrentPostsOfOneFormMakeOneJob() throws Exception {
        String tenant = fixtures.tenant("Double Clinic", Fixtures.email("admin"));
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);
        long version = scope.call(tenant, () -> Profile.<Profile> findById(profile).currentVersionId);
        WebClient.Csrf csrf = WebClient.csrf("/t/" + tenant);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds: each a fresh form, posted twice at once
            for (int round = 0; round < 5; round++) {
                String key = UUID.randomUUID().toString();
                Map<String, ?> form = Map.of("submissionKey", key, "profileVersionId", String.valueOf(version),
                        "jobName", "Double " + round, "isRaw", "0", "f.specialist_name", "Dr. Twice",
                        "audioId", fixtures.upload(tenant).toString(), "audioStart", "", "audioEnd", "");
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
}
