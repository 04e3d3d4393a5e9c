package com.claudioportal.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes each chain's head (last sequence number and MAC, signed) outside the database: to the
 * {@link AnchorStore} and as a log line (which log shipping keeps elsewhere too). Runs on a
 * schedule for chains whose head moved, and after every intact verification. A verification
 * that finds fewer events than an anchor recorded reports the missing tail.
 */
@ApplicationScoped
public class AuditAnchors {

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);

    @Inject
    AnchorStore store;

    @Inject
    AuditKeys keys;

    @Inject
    EntityManager em;

    @Inject
    TenantScope scope;

    /** The last sequence number anchored per chain by this instance, to skip chains that did not move. */
    private final Map<String, Long> anchored = new ConcurrentHashMap<>();

    @Scheduled(every = "{portal.audit.anchor-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        anchorAll();
    }

    /** Anchors every chain whose head moved since this instance last anchored it; returns how many. */
    public int anchorAll() {
        int written = 0;
        for (String chain : chains()) {
            AuditTrail.Head head = currentHead(chain);
            if (head.seq() > 0 && head.seq() > anchored.getOrDefault(chain, 0L)) {
                anchor(chain, head.seq(), head.mac(), legacyThrough(chain));
                written++;
            }
        }
        return written;
    }

    /** Writes one anchor; a failure to write is logged loudly but never stops the caller. */
    public void anchor(String chain, long seq, String mac, long legacyThrough) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String keyId = keys.activeKeyId();
        String signature = keys.sign(keyId, fields(chain, seq, mac, legacyThrough, at, keyId));
        try {
            store.append(new AnchorStore.Anchor(chain, seq, mac, legacyThrough, at, keyId, signature));
            anchored.merge(chain, seq, Math::max);
        } catch (IOException e) {
            LOG.errorf(e, "Could not write the audit anchor of chain %s", chain);
        }
        // the head as a log line as well: sequence number and MAC only, nothing about the events
        LOG.infof("Audit anchor: chain %s, event %d, MAC %s, key %s", chain, seq, mac, keyId);
    }

    static Object[] fields(String chain, long seq, String mac, long legacyThrough, Instant at, String keyId) {
        return new Object[] { "audit-anchor-v1", chain, seq, mac, legacyThrough, at.toString(), keyId };
    }

    /** Every chain: each tenant's and the platform's. */
    @SuppressWarnings("unchecked")
    public List<String> chains() {
        List<String> chains = new ArrayList<>(scope.platform(() -> QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) em.createNativeQuery("select id from tenant order by id").getResultList())));
        chains.add(AuditTrail.PLATFORM);
        return chains;
    }

    /** The chain's last event (sequence number and MAC), read in a transaction of its own. */
    public AuditTrail.Head currentHead(String chain) {
        return scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> headOf(chain)));
    }

    AuditTrail.Head headOf(String chain) {
        List<?> last = em.createNativeQuery("select seq, mac from audit_event where tenant_id = :chain order by seq desc limit 1")
                .setParameter("chain", chain).getResultList();
        if (last.isEmpty()) {
            return new AuditTrail.Head(0, AuditTrail.GENESIS, null);
        }
        Object[] row = (Object[]) last.get(0);
        return new AuditTrail.Head(((Number) row[0]).longValue(), (String) row[1], null);
    }

    long legacyThrough(String chain) {
        return scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select through_seq from audit_legacy where chain_id = :chain")
                    .setParameter("chain", chain).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
        }));
    }
}
