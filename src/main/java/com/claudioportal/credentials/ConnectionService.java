package com.claudioportal.credentials;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.forms.FormErrors;

/**
 * Creates, rotates, removes and opens the active tenant's Claudio connection. Secrets are sealed
 * before they touch the database and opened only to call Claudio.
 */
@ApplicationScoped
public class ConnectionService {

    @Inject
    SecretBox box;

    @Inject
    BaseUrlPolicy policy;

    @Inject
    AuditTrail audit;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser user;

    @Inject
    InFlightJobs inFlight;

    /**
     * Saves the connection. On an existing connection the key and secret may be left blank to keep
     * them; giving both rotates them (jobs in flight pick the new ones up on their next call).
     */
    @Transactional
    public FormErrors save(String baseUrl, String apiKey, String apiSecret) {
        ClaudioConnection existing = ClaudioConnection.current();
        FormErrors errors = FormErrors.none();
        String url = normalizeBaseUrl(baseUrl);
        policy.problemWith(url).ifPresent(problem -> errors.add("baseUrl", problem));
        boolean keyGiven = apiKey != null && !apiKey.isBlank();
        boolean secretGiven = apiSecret != null && !apiSecret.isBlank();
        if (existing == null || keyGiven || secretGiven) {
            if (!keyGiven) {
                errors.add("apiKey", existing == null ? "Enter the API key from Claudio." : "Enter the new API key too, or leave both empty to keep the current ones.");
            }
            if (!secretGiven) {
                errors.add("apiSecret", existing == null ? "Enter the API secret from Claudio." : "Enter the new API secret too, or leave both empty to keep the current ones.");
            }
        }
        if (errors.any()) {
            return errors;
        }
        ClaudioConnection c = existing != null ? existing : new ClaudioConnection();
        Map<String, Object> details = new LinkedHashMap<>();
        if (existing == null || !url.equals(existing.baseUrl)) {
            details.put("baseUrl", url);
        }
        c.baseUrl = url;
        if (keyGiven) {
            c.apiKeySealed = box.seal(apiKey.trim(), keyContext());
            c.apiSecretSealed = box.seal(apiSecret.trim(), secretContext());
            c.apiKeyHint = ClaudioAccount.mask(apiKey.trim());
            c.apiSecretHint = ClaudioAccount.mask(apiSecret.trim());
            // that they changed, never any part of them
            details.put("credentials", "replaced");
            c.lastTestAt = null;
            c.lastTestOk = null;
            c.lastTestSummary = null;
        }
        c.updatedAt = Instant.now();
        c.updatedBy = user.actor();
        if (existing == null) {
            c.persist();
            audit.record("connection.created", "connection", url, details);
        } else if (!details.isEmpty()) {
            audit.record(keyGiven ? "connection.credentials-rotated" : "connection.updated", "connection", url, details);
        }
        return errors;
    }

    /** Removes the connection, unless jobs still need it. */
    @Transactional
    public FormErrors remove() {
        ClaudioConnection c = ClaudioConnection.current();
        if (c == null) {
            return FormErrors.none();
        }
        long busy = inFlight.count();
        if (busy > 0) {
            return FormErrors.none().add("remove", busy + (busy == 1 ? " job is" : " jobs are")
                    + " still being processed with this connection. Remove it when they have finished, or rotate the key instead.");
        }
        c.delete();
        audit.record("connection.removed", "connection", c.baseUrl, Map.of());
        return FormErrors.none();
    }

    /**
     * The active tenant's account for calling Claudio, with the secrets opened. Its owner is the
     * tenant, so the client keeps this tenant's circuit breaker apart from every other tenant's.
     */
    @Transactional
    public Optional<ClaudioAccount> account() {
        ClaudioConnection c = ClaudioConnection.current();
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(new ClaudioAccount(c.baseUrl, box.open(c.apiKeySealed, keyContext()),
                box.open(c.apiSecretSealed, secretContext()), tenant.tenantId()));
    }

    /** Records the outcome of a connection test on the connection and in the audit log. */
    @Transactional
    public void recordTest(boolean ok, String summary) {
        ClaudioConnection c = ClaudioConnection.current();
        if (c == null) {
            return;
        }
        c.lastTestAt = Instant.now();
        c.lastTestOk = ok;
        c.lastTestSummary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        // the verdict's kind only: Claudio's own message could quote what it was sent
        audit.record("connection.tested", "connection", c.baseUrl, Map.of("ok", ok, "verdict", verdictKind(c.lastTestSummary)));
    }

    /** Re-seals the active tenant's secrets with the active master key; true when it changed anything. */
    @Transactional
    public boolean reencrypt() {
        ClaudioConnection c = ClaudioConnection.current();
        if (c == null || (box.isSealedWithActiveKey(c.apiKeySealed) && box.isSealedWithActiveKey(c.apiSecretSealed))) {
            return false;
        }
        String from = SecretBox.keyIdOf(c.apiKeySealed);
        c.apiKeySealed = box.seal(box.open(c.apiKeySealed, keyContext()), keyContext());
        c.apiSecretSealed = box.seal(box.open(c.apiSecretSealed, secretContext()), secretContext());
        audit.record("connection.reencrypted", "connection", c.baseUrl, Map.of("fromKey", from, "toKey", box.activeKeyId()));
        return true;
    }

    /** "Works", "Key or secret rejected", "Address unreachable", ...: the words before the colon. */
    static String verdictKind(String summary) {
        int colon = summary.indexOf(':');
        return colon > 0 && colon <= 40 ? summary.substring(0, colon) : "Other";
    }

    static String normalizeBaseUrl(String url) {
        String trimmed = url == null ? "" : url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private String keyContext() {
        return "claudio-api-key:" + tenant.tenantId();
    }

    private String secretContext() {
        return "claudio-api-secret:" + tenant.tenantId();
    }
}
