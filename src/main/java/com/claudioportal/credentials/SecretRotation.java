package com.claudioportal.credentials;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * After the master key is rotated (a new key added to {@code PORTAL_ENCRYPTION_KEYS} and made
 * active), re-seals every stored secret with the active key, tenant by tenant. Runs in the
 * background at start-up and from the platform administrator's encryption page; once nothing is
 * left under the old key, the old key can be removed from the configuration.
 */
@ApplicationScoped
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class);

    @Inject
    SecretBox box;

    @Inject
    EncryptionConfig config;

    @Inject
    ConnectionService connections;

    @Inject
    TenantScope scope;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        if (config.reencryptOnStart()) {
            vertx.executeBlocking(() -> {
                int done = reencryptAll();
                if (done > 0) {
                    LOG.infof("Re-encrypted the Claudio credentials of %d tenants with key %s", done, box.activeKeyId());
                }
                return done;
            }, false);
        }
    }

    /** How many tenants still have secrets sealed with a key other than the active one. */
    public long pending() {
        return scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from claudio_connection
                where api_key_sealed not like :prefix or api_secret_sealed not like :prefix""")
                .setParameter("prefix", "v1:" + box.activeKeyId() + ":%").getSingleResult()).longValue()));
    }

    /** Re-seals every tenant's secrets with the active key; returns the number of tenants changed. */
    @SuppressWarnings("unchecked")
    public int reencryptAll() {
        // ids only, across tenants; each tenant's row is then changed inside that tenant
        List<String> tenants = scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select tenant_id from claudio_connection
                where api_key_sealed not like :prefix or api_secret_sealed not like :prefix""")
                .setParameter("prefix", "v1:" + box.activeKeyId() + ":%").getResultList()));
        int changed = 0;
        for (String tenant : tenants) {
            if (scope.call(tenant, () -> connections.reencrypt())) {
                changed++;
            }
        }
        return changed;
    }
}
