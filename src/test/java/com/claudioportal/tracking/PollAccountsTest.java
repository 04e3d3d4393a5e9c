package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The accounts the worker keeps for polling follow a connection changed at another instance at
 * once: that instance's transaction NOTIFYs every instance, and this one's listening connection
 * drops its copy. Played here by a plain database session doing what another portal does.
 */
@QuarkusTest
@TestProfile(EngineRunning.class)
class PollAccountsTest {

    @Inject
    ClaudioTenants claudio;

    @Inject
    PollAccounts accounts;

    @Test
    void aConnectionChangedAtAnotherInstanceIsReadAgainForTheNextPoll() throws InterruptedException {
        var w = claudio.tenant("Two Instances Clinic", Fixtures.email("admin"));
        String before = accounts.forPolling(w.tenant()).orElseThrow().baseUrl();

        // another instance's change, before it tells anyone: the copy kept here is still used (reuse is minutes)
        DatabaseOwner.execute("update claudio_connection set base_url = 'http://localhost:9/moved' where tenant_id = '" + w.tenant() + "'");
        Thread.sleep(1_000);
        assertEquals(before, accounts.forPolling(w.tenant()).orElseThrow().baseUrl(), "without a notification the copy is reused");

        // the same change as a portal makes it: with its NOTIFY in the transaction
        DatabaseOwner.execute("update claudio_connection set base_url = 'http://localhost:9/moved-again' where tenant_id = '" + w.tenant() + "'",
                "notify " + JobEngine.CONNECTION_CHANNEL + ", '" + w.tenant() + "'");
        long deadline = System.currentTimeMillis() + 10_000;
        String now = before;
        while (System.currentTimeMillis() < deadline && !now.endsWith("/moved-again")) {
            Thread.sleep(100);
            now = accounts.forPolling(w.tenant()).orElseThrow().baseUrl();
        }
        assertEquals("http://localhost:9/moved-again", now, "read again once the other instance said so");
    }
}
