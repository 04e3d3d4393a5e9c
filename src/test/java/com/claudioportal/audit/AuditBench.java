package com.claudioportal.audit;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;

import com.claudioportal.infra.DatabaseOwner;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the audit benchmark and AuditVerificationCostTest need from inside the package: correctly signed events in bulk. */
@ApplicationScoped
public class AuditBench {

    @Inject
    AuditKeys keys;

    @Inject
    AuditTrail trail;

    @Inject
    AgroalDataSource dataSource;

    /** Signs events one after the other, continuing a chain from its head, as COPY text lines. */
    public final class Signed {
        private final String chain;
        private final AuditKeys.Signer signer;
        private final String keyId;
        private long seq;
        private String prev;
        private Instant at;

        Signed(String chain, long seq, String prev, Instant at) {
            this.chain = chain;
            this.keyId = keys.activeKeyId();
            this.signer = keys.signer(keyId);
            this.seq = seq;
            this.prev = prev;
            this.at = at;
        }

        public String next() {
            seq++;
            at = at.plusSeconds(30);
            String actor = "person" + (seq % 50) + "@audit-bench.test";
            String action = seq % 3 == 0 ? "job.submitted" : "job.viewed";
            String group = seq % 3 == 0 ? "JOBS" : "ACCESS";
            String target = String.valueOf(1 + seq % 100_000);
            String details = seq % 3 == 0 ? "{\"documents\":1,\"recordings\":2}" : "{}";
            String ip = "10.2." + (seq % 250) + "." + (seq % 199);
            String agent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 benchmark";
            String requestId = String.format("%016x", seq);
            String mac = signer.sign(AuditTrail.macFields(chain, seq, prev, at, actor, actor, "STAFF", action, group, "SUCCESS", "job", target,
                    ip, agent, requestId, details, keyId));
            String line = String.join("\t", chain, String.valueOf(seq), at.toString(), actor, actor, "STAFF", action, group, "SUCCESS", "job",
                    target, ip, agent, requestId, details, prev, mac, keyId);
            prev = mac;
            return line;
        }
    }

    /** A signer that continues the chain after its current head, with times from {@code from} on. */
    public Signed signer(String chain, Instant from) {
        AuditTrail.Head head = QuarkusTransaction.requiringNew().call(() -> trail.head(chain));
        return new Signed(chain, head.seq(), head.mac(), from.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Appends {@code events} correctly signed events to a chain with COPY, as a restore would (fast); returns ms. */
    public long copySigned(String chain, int events, Instant from) throws SQLException, IOException {
        long started = System.nanoTime();
        StringBuilder batch = new StringBuilder();
        Signed signed = signer(chain, from);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String columns = "copy audit_event (tenant_id, seq, occurred_at, actor, actor_subject, actor_role, action, action_group, outcome, "
                    + "target_type, target_id, client_ip, user_agent, request_id, details, prev_mac, mac, key_id) from stdin";
            for (int i = 0; i < events; i++) {
                batch.append(signed.next()).append('\n');
                if (batch.length() > 8_000_000 || i == events - 1) {
                    copy.copyIn(columns, new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Appends events the normal way (as the portal writes them), ten per transaction. */
    public void append(String chain, int events) {
        for (int i = 0; i < events; i += 10) {
            int from = i;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int j = from; j < Math.min(events, from + 10); j++) {
                    trail.write(AuditEntry.of("job.viewed").chain(chain).target("job", j).details(Map.of()));
                }
            });
        }
    }

    /** Moves a chain's existing events before {@code at}, so that generated older events still follow them in time. */
    public void shiftExistingBefore(String chain, Instant at) {
        DatabaseOwner.execute("alter table audit_event disable trigger audit_event_no_update",
                "update audit_event set occurred_at = timestamptz '" + at + "' - make_interval(secs => 1000 - seq) where tenant_id = '"
                        + chain + "'",
                "alter table audit_event enable trigger audit_event_no_update");
    }
}
