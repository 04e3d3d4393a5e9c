package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditAggregates;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.infra.DatabaseOwner;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Webhook deliveries leave a trace in the audit log without becoming one row each: accepted
 * notices are counted per job (or, about no job the portal follows, per tenant) and minute;
 * refusals per tenant (its address over the rate) or for the platform (unknown addresses). The
 * events carry the count, never the token, Claudio's reference or the body.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class WebhookAuditTest extends TenantTestBase {

    private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");
    private static final Pattern MINUTE = Pattern.compile("\"minute\":\"([^\"]+)\"");

    @Inject
    EngineKit kit;

    @Inject
    AuditAggregates aggregates;

    record Event(String chain, String action, String outcome, String targetType, String targetId, String actor, String role,
            String ip, String details) {

        int count() {
            Matcher m = COUNT.matcher(details);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        String minute() {
            Matcher m = MINUTE.matcher(details);
            return m.find() ? m.group(1) : null;
        }
    }

    @Test
    void acceptedNoticesAreCountedPerJobAndMinuteAndUnknownAddressesForThePlatform() {
        var t = kit.tenant("Counted Notice Clinic", "http://localhost:9/claudio");
        String token = fixtures.newWebhookAddress(t.id());
        String reference = "COUNTED-" + System.nanoTime();
        long jobId = kit.submittedJob(t, reference);
        kit.set(t.id(), jobId, j -> j.nextAttemptAt = Instant.now().plusSeconds(3600));
        aggregates.flush(true);
        long before = maxId();

        // within the address's burst allowance (ManualWorker: 5/s for 4 s, so 20 at once)
        for (int i = 0; i < 12; i++) {
            assertEquals(200, ClaudioNotices.notice(token, reference));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(200, ClaudioNotices.notice(token, "NOT-FOLLOWED-" + i));
        }
        assertEquals(200, ClaudioNotices.post(token, "{\"note\":\"no reference here\"}").statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(404, ClaudioNotices.notice("unknown-address-" + i + "-0123456789abcdef", reference));
        }
        aggregates.flush(true);
        List<Event> events = since(before);

        List<Event> perJob = select(events, t.id(), "webhook.received", "SUCCESS", "job", String.valueOf(jobId));
        List<Event> perTenant = select(events, t.id(), "webhook.received", "SUCCESS", "webhook", null);
        List<Event> unknown = select(events, AuditTrail.PLATFORM, "webhook.refused", "DENIED", "webhook", "unknown-address");
        assertCounted(perJob, 12);
        assertCounted(perTenant, 5);
        assertCounted(unknown, 3);
        assertEquals(perJob.size() + perTenant.size() + unknown.size(), events.size(), "no other event: " + events);
        for (Event e : events) {
            assertFalse(e.toString().contains(reference) || e.toString().contains("NOT-FOLLOWED") || e.toString().contains(token)
                    || e.toString().contains("unknown-address-") || e.toString().contains("no reference"), "nothing of the delivery in " + e);
        }
    }

    @Test
    void aFloodOverTheAddresssRateIsCountedAsRefusedInTheTenantsLog() {
        var t = kit.tenant("Flood Counted Clinic", "http://localhost:9/claudio");
        String token = fixtures.newWebhookAddress(t.id());
        aggregates.flush(true);
        long before = maxId();
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 300 && limited < 10; i++) {
            int status = ClaudioNotices.notice(token, "FLOOD-" + i);
            if (status == 200) {
                accepted++;
            } else {
                assertEquals(429, status);
                limited++;
            }
        }
        aggregates.flush(true);
        List<Event> events = since(before);
        List<Event> refused = select(events, t.id(), "webhook.refused", "DENIED", "webhook", "webhook-address");
        List<Event> received = select(events, t.id(), "webhook.received", "SUCCESS", "webhook", null);
        assertCounted(refused, limited);
        assertCounted(received, accepted);
        assertEquals(refused.size() + received.size(), events.size(), "no other event: " + events);
        assertTrue(events.size() <= 4, accepted + limited + " deliveries, " + events.size() + " events");
    }

    /** The events of one kind add up to {@code total}, one per minute, each from Claudio with where it came from. */
    private static void assertCounted(List<Event> events, int total) {
        assertFalse(events.isEmpty(), "expected events counting " + total);
        assertEquals(total, events.stream().mapToInt(Event::count).sum(), "counted in " + events);
        assertEquals(events.size(), events.stream().map(Event::minute).filter(Objects::nonNull).distinct().count(),
                "one event per minute: " + events);
        for (Event e : events) {
            assertEquals("claudio", e.actor(), "actor of " + e);
            assertEquals("SYSTEM", e.role(), "role of " + e);
            assertTrue(e.ip() != null && !e.ip().isBlank(), "client address of " + e);
        }
    }

    private static List<Event> select(List<Event> events, String chain, String action, String outcome, String targetType, String targetId) {
        return events.stream().filter(e -> e.chain().equals(chain) && e.action().equals(action) && e.outcome().equals(outcome)
                && Objects.equals(e.targetType(), targetType) && Objects.equals(e.targetId(), targetId)).toList();
    }

    private static long maxId() {
        return ((Number) DatabaseOwner.query("select coalesce(max(id), 0) from audit_event").get(0)[0]).longValue();
    }

    /** Webhook events written since {@code before}, in any chain. */
    private static List<Event> since(long before) {
        List<Event> events = new ArrayList<>();
        for (Object[] r : DatabaseOwner.query("""
                select tenant_id, action, outcome, target_type, target_id, actor, actor_role, client_ip, details
                from audit_event where id > ? and action like 'webhook.%' order by id""", before)) {
            events.add(new Event((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], (String) r[8]));
        }
        return events;
    }
}
