package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.DatabaseOwner;

import io.quarkus.test.junit.QuarkusTest;

/** Floods (e.g. webhook calls with an unknown token) are recorded as one event per key and minute, with the count. */
@QuarkusTest
class AuditAggregatesTest {

    @Inject
    AuditAggregates aggregates;

    @Test
    void countsAreWrittenOncePerKeyAndMinute() {
        String tokenA = "fp-" + UUID.randomUUID().toString().substring(0, 8);
        String tokenB = "fp-" + UUID.randomUUID().toString().substring(0, 8);
        AuditSource source = new AuditSource("203.0.113.9", "Claudio-Webhook/1.0", "0123456789abcdef");
        for (int i = 0; i < 5; i++) {
            aggregates.count(AuditEntry.of("webhook.refused").chain(AuditTrail.PLATFORM).target("webhook-token", tokenA)
                    .outcome(AuditOutcome.DENIED).actor(AuditActor.CLAUDIO).source(source));
        }
        aggregates.count(AuditEntry.of("webhook.refused").chain(AuditTrail.PLATFORM).target("webhook-token", tokenB)
                .outcome(AuditOutcome.DENIED).actor(AuditActor.CLAUDIO).source(source));
        aggregates.flush(true);

        List<Object[]> a = DatabaseOwner.query("select details, outcome, actor, client_ip from audit_event where tenant_id = '_platform' "
                + "and target_id = ?", tokenA);
        // a minute may end while counting: then two events, still five in all
        long total = a.stream().mapToLong(r -> Long.parseLong(((String) r[0]).replaceAll(".*\"count\":(\\d+).*", "$1"))).sum();
        assertEquals(5, total);
        assertTrue(a.size() <= 2);
        assertEquals("DENIED", a.get(0)[1]);
        assertEquals("claudio", a.get(0)[2]);
        assertEquals("203.0.113.9", a.get(0)[3]);
        assertEquals(1, DatabaseOwner.query("select 1 from audit_event where target_id = ?", tokenB).size());
        assertEquals(0, aggregates.flush(true), "nothing is written twice");
    }
}
