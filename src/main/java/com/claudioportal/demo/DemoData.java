package com.claudioportal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import com.claudioportal.members.MemberService;
import com.claudioportal.platform.PlatformTenantService;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.forms.PortalUrls;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Fills an empty database with the two demo tenants, matching the users of the demo Keycloak
 * realm (docker/keycloak/claudio-portal-realm.json), each with a working connection to its own
 * account in the Claudio sandbox (a separate process, reached at {@code portal.demo.sandbox-url}),
 * a webhook address the sandbox notifies, the profile from Claudio's sample job and a preset.
 * Runs only when {@code portal.demo.seed} is on. The sandbox accounts are made sure of at every
 * start (through the sandbox's control API), so a sandbox that lost its state works again.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final List<String> TENANTS = List.of("maple", "harbour");

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
    PortalUrls urls;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void onStart(@Observes StartupEvent event) {
        if (!config.seed()) {
            return;
        }
        boolean sandbox = awaitSandbox();
        if (sandbox) {
            TENANTS.forEach(t -> control("PUT", t, Map.of("apiKey", key(t), "apiSecret", secret(t))));
        }
        if (QuarkusTransaction.requiringNew().call(() -> Tenant.count() > 0)) {
            return;
        }
        LOG.info("Empty database: creating the demo tenants Maple Clinic and Harbour IME");
        create("maple", "Maple Clinic", "maple-clinic", "admin@maple.test", List.of(Map.entry("staff@maple.test", TenantRole.STAFF),
                Map.entry("auditor@maple.test", TenantRole.AUDITOR), Map.entry("locum@claudio.test", TenantRole.STAFF)));
        connect("maple", sandbox, "Dr. Jane Roe, orthopaedics", "Dr. Jane Roe", "MD, FRCSC",
                "Orthopaedic surgeon with 20 years of independent medical examinations.");
        create("harbour", "Harbour IME", "harbour-ime", "admin@harbour.test", List.of(Map.entry("staff@harbour.test", TenantRole.STAFF),
                Map.entry("auditor@harbour.test", TenantRole.AUDITOR), Map.entry("locum@claudio.test", TenantRole.AUDITOR)));
        connect("harbour", sandbox, "Dr. Sam Lee, psychiatry", "Dr. Sam Lee", "MD, FRCPC",
                "Forensic psychiatrist; assessments for insurers and tribunals.");
    }

    private static String key(String tenant) {
        return tenant + "-demo-api-key-4821";
    }

    private static String secret(String tenant) {
        return tenant + "-demo-api-secret-7730";
    }

    /** A demo tenant with its admin and its other members (e-mail address and role, in this order). */
    private void create(String id, String name, String organization, String admin, List<Map.Entry<String, TenantRole>> others) {
        tenants.create(id, name, organization, admin);
        tenantScope.run(id, () -> others.forEach(m -> members.add(m.getKey(), m.getValue())));
    }

    /** Saved connection, webhook, profile and preset for one demo tenant. */
    private void connect(String tenant, boolean sandbox, String presetName, String name, String credentials, String bio) {
        String baseUrl = trimmed(config.sandboxUrl()) + "/claudio/" + tenant;
        String sample = sampleJob();
        tenantScope.run(tenant, () -> {
            connections.save(baseUrl, key(tenant), secret(tenant));
            String token = webhooks.regenerate();
            if (sandbox) {
                String portal = trimmed(config.webhookBaseUrl().filter(u -> !u.isBlank()).orElseGet(urls::publicUrl));
                control("PATCH", tenant, Map.of("webhookUrl", portal + WebhookTokens.PATH + token));
            }
            ProfileJson.Parsed parsed = ProfileJson.parse(sample);
            profiles.create(parsed.displayName(), parsed.content(), "profile.imported");
            PresetForm preset = new PresetForm();
            preset.name = presetName;
            preset.valueKey = List.of("specialist_name", "specialist_credentials", "specialist_bio");
            preset.valueText = List.of(name, credentials, bio);
            presets.save(null, preset);
        });
    }

    /** The sandbox is started before the portal; give it a moment, but never fail the portal's start. */
    private boolean awaitSandbox() {
        if (config.sandboxControlToken().filter(t -> !t.isBlank()).isEmpty()) {
            LOG.warn("portal.demo.sandbox-control-token is not set: the demo accounts in the Claudio sandbox are not created");
            return false;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                try {
                    HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(trimmed(config.sandboxUrl()) + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return true;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                // interrupted while asking or while waiting between two asks
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.warnf("The Claudio sandbox at %s does not answer: the demo tenants cannot use it", config.sandboxUrl());
        return false;
    }

    /** One control call; the body holds credentials and a webhook token, so only the status is ever logged. */
    private void control(String method, String tenant, Map<String, String> body) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(trimmed(config.sandboxUrl()) + "/control/accounts/" + tenant))
                    .header("Authorization", "Bearer " + config.sandboxControlToken().orElse(""))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.warnf("The Claudio sandbox refused to set up the demo account %s (HTTP %d)", tenant, response.statusCode());
            }
        } catch (IOException e) {
            LOG.warnf("The Claudio sandbox could not set up the demo account %s: %s", tenant, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String trimmed(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String sampleJob() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/ime-structura-sample-job.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
