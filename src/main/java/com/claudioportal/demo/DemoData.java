package com.claudioportal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.credentials.WebhookTokens;
import com.claudioportal.profile.PresetForm;
import com.claudioportal.profile.PresetService;
import com.claudioportal.profile.ProfileJson;
import com.claudioportal.profile.ProfileService;
import com.claudioportal.sandbox.SandboxAccounts;
import com.claudioportal.members.MemberService;
import com.claudioportal.platform.PlatformTenantService;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.forms.PortalUrls;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Fills an empty database with the two demo tenants, matching the users of the demo Keycloak
 * realm (docker/keycloak/claudio-portal-realm.json), each with a working connection to its own
 * account in the built-in Claudio sandbox, a webhook address the sandbox notifies, the profile
 * from Claudio's sample job and a preset. Runs only when {@code portal.demo.seed} is on.
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

    @Inject
    ConnectionService connections;

    @Inject
    WebhookTokens webhooks;

    @Inject
    ProfileService profiles;

    @Inject
    PresetService presets;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    PortalUrls urls;

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
        connect("maple", "Dr. Jane Roe, orthopaedics", "Dr. Jane Roe", "MD, FRCSC",
                "Orthopaedic surgeon with 20 years of independent medical examinations.");
        tenants.create("harbour", "Harbour IME", "harbour-ime", "admin@harbour.test");
        tenantScope.run("harbour", () -> {
            members.add("staff@harbour.test", TenantRole.STAFF);
            members.add("auditor@harbour.test", TenantRole.AUDITOR);
            members.add("locum@claudio.test", TenantRole.AUDITOR);
        });
        connect("harbour", "Dr. Sam Lee, psychiatry", "Dr. Sam Lee", "MD, FRCPC",
                "Forensic psychiatrist; assessments for insurers and tribunals.");
    }

    /** Sandbox account, saved connection, webhook, profile and preset for one demo tenant. */
    private void connect(String tenant, String presetName, String name, String credentials, String bio) {
        String key = tenant + "-demo-api-key-4821";
        String secret = tenant + "-demo-api-secret-7730";
        sandbox.ensureAccount(tenant, key, secret);
        String baseUrl = sandbox.baseUrl(tenant);
        String sample = sampleJob();
        tenantScope.run(tenant, () -> {
            connections.save(baseUrl, key, secret);
            String token = webhooks.regenerate();
            sandbox.setWebhookUrl(tenant, urls.publicUrl() + WebhookTokens.PATH + token);
            ProfileJson.Parsed parsed = ProfileJson.parse(sample);
            profiles.create(parsed.displayName(), parsed.content(), "profile.imported");
            PresetForm preset = new PresetForm();
            preset.name = presetName;
            preset.valueKey = List.of("specialist_name", "specialist_credentials", "specialist_bio");
            preset.valueText = List.of(name, credentials, bio);
            presets.save(null, preset);
        });
    }

    private static String sampleJob() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/ime-structura-sample-job.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
