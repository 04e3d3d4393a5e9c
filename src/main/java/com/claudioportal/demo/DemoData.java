package com.claudioportal.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.MemberService;
import com.claudioportal.tenant.PlatformTenantService;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Fills an empty database with the two demo tenants and their members, matching the users of
 * the demo Keycloak realm (docker/keycloak/claudio-portal-realm.json). Runs only when
 * {@code portal.demo.seed} is on.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    DemoConfig config;

    @Inject
    PlatformTenantService tenants;

    @Inject
    MemberService members;

    @Inject
    TenantScope tenantScope;

    void onStart(@Observes StartupEvent event) {
        if (!config.seed()) {
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> Tenant.count() > 0)) {
            return;
        }
        LOG.info("Empty database: creating the demo tenants Maple Clinic and Harbour IME");
        tenants.create("maple", "Maple Clinic", "maple-clinic", "admin@maple.test");
        tenantScope.run("maple", () -> {
            members.add("staff@maple.test", TenantRole.STAFF);
            members.add("auditor@maple.test", TenantRole.AUDITOR);
            members.add("locum@claudio.test", TenantRole.STAFF);
        });
        tenants.create("harbour", "Harbour IME", "harbour-ime", "admin@harbour.test");
        tenantScope.run("harbour", () -> {
            members.add("staff@harbour.test", TenantRole.STAFF);
            members.add("auditor@harbour.test", TenantRole.AUDITOR);
            members.add("locum@claudio.test", TenantRole.AUDITOR);
        });
    }
}
