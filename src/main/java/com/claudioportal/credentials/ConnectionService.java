package com.claudioportal.credentials;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

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

    @Inject
    Event<ConnectionChanged> changed;

    /**
     * Saves the connection. On an existing connection the key and secret may be left blank to keep
     * them; giving both rotates them (jobs in flight pick the new ones up on their next call).
     */
    @Transactional
    public Result<Void> save(String baseUrl, String apiKey, String apiSecret) {
        ClaudioConnection existing = ClaudioConnection.current();
        FormErrors errors = FormErrors.none();
        String url = normalizeBaseUrl(baseUrl);
        checkUrl(url, errors);
        boolean keyGiven = apiKey != null && !apiKey.isBlank();
        checkCredentials(existing, apiKey, apiSecret, errors, false);
        if (errors.any()) {
            return Result.refused(errors);
        }
        ClaudioConnection c = existing != null ? existing : new ClaudioConnection();
        Map<String, Object> details = new LinkedHashMap<>();
        if (existing == null || !url.equals(existing.baseUrl)) {
            details.put("baseUrl", url);
            // "Last test: Works" was about the old address
            forgetLastTest(c);
        }
        c.baseUrl = url;
        if (keyGiven) {
            c.apiKeySealed = box.seal(apiKey.trim(), keyContext());
            c.apiSecretSealed = box.seal(apiSecret.trim(), secretContext());
            c.apiKeyHint = ClaudioAccount.mask(apiKey.trim());
            c.apiSecretHint = ClaudioAccount.mask(apiSecret.trim());
            // that they changed, never any part of them
            details.put("credentials", "replaced");
            forgetLastTest(c);
        }
        c.updatedAt = Instant.now();
        c.updatedBy = user.actor();
        if (existing == null) {
            c.persist();
            audit.record("connection.created", "connection", url, details);
        } else if (!details.isEmpty()) {
            audit.record(keyGiven ? "connection.credentials-rotated" : "connection.updated", "connection", url, details);
        }
        changed.fire(new ConnectionChanged(tenant.tenantId()));
        return Result.done(null);
    }

    /** The last test's verdict was about the address or the credentials just replaced. */
    private static void forgetLastTest(ClaudioConnection c) {
        c.lastTestAt = null;
        c.lastTestOk = null;
        c.lastTestOutcome = null;
        c.lastTestSummary = null;
    }

    /** Removes the connection, unless jobs still need it. */
    @Transactional
    public Result<Void> remove() {
        ClaudioConnection c = ClaudioConnection.current();
        if (c == null) {
            return Result.done(null);
        }
        long busy = inFlight.count();
        if (busy > 0) {
            return Result.refused("remove", Words.of(AdminMessages.class).conn_remove_busy(busy));
        }
        c.delete();
        audit.record("connection.removed", "connection", c.baseUrl, Map.of());
        changed.fire(new ConnectionChanged(tenant.tenantId()));
        return Result.done(null);
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

    /**
     * What "Test connection" should try: the values on the form (not saved), with the saved key and
     * secret where none were typed. {@code saved} says whether that is exactly the saved connection,
     * whose last test result the page shows.
     */
    /** What a connection test sends to: the account, and whether it is the saved connection unchanged. */
    public record TestRequest(ClaudioAccount account, boolean saved) {
    }

    @Transactional
    public Result<TestRequest> testRequest(String baseUrl, String apiKey, String apiSecret) {
        ClaudioConnection existing = ClaudioConnection.current();
        FormErrors errors = FormErrors.none();
        String url = normalizeBaseUrl(baseUrl);
        if (url.isEmpty() && existing != null) {
            url = existing.baseUrl;
        }
        if (url.isEmpty()) {
            errors.add("baseUrl", Words.of(AdminMessages.class).conn_enter_url_to_test());
        } else {
            String problem = TextInput.problem(url, MAX_URL, TextInput.Lines.SINGLE);
            if (problem != null) {
                errors.add("baseUrl", problem);
            }
        }
        checkCredentials(existing, apiKey, apiSecret, errors, true);
        if (errors.any()) {
            return Result.refused(errors);
        }
        boolean typed = apiKey != null && !apiKey.isBlank();
        String key = typed ? apiKey.trim() : box.open(existing.apiKeySealed, keyContext());
        String secret = typed ? apiSecret.trim() : box.open(existing.apiSecretSealed, secretContext());
        return Result.done(new TestRequest(new ClaudioAccount(url, key, secret), existing != null && !typed && url.equals(existing.baseUrl)));
    }

    /**
     * Records a connection test in the audit log (the outcome's kind only, never words from the
     * remote host) and, when it tested the saved connection, on the connection for the page.
     */
    @Transactional
    public void recordTest(ConnectionTester.Verdict verdict, String url, boolean saved) {
        ClaudioConnection c = ClaudioConnection.current();
        if (saved && c != null) {
            c.lastTestAt = Instant.now();
            c.lastTestOk = verdict.works();
            c.lastTestOutcome = verdict.outcome().name();
            c.lastTestSummary = verdict.explanation().length() > 500 ? verdict.explanation().substring(0, 500) : verdict.explanation();
        }
        audit.record("connection.tested", "connection", url, Map.of("ok", verdict.works(), "outcome", verdict.outcome().name(),
                "unsaved", !saved));
    }

    /** A base URL's longest form, in characters (its column holds 500). */
    static final int MAX_URL = 500;

    /** API keys and secrets: Claudio's are about 30 and 50 characters. */
    static final int MAX_CREDENTIAL = 500;

    private void checkUrl(String url, FormErrors errors) {
        String problem = TextInput.problem(url, MAX_URL, TextInput.Lines.SINGLE);
        if (problem != null) {
            errors.add("baseUrl", problem);
        } else {
            policy.problemWith(url).ifPresent(p -> errors.add("baseUrl", p));
        }
    }

    /** Both or neither: a key and a secret belong together; {@code testing} says what an empty pair means (test or keep the saved one). */
    private static void checkCredentials(ClaudioConnection existing, String apiKey, String apiSecret, FormErrors errors, boolean testing) {
        AdminMessages words = Words.of(AdminMessages.class);
        boolean keyGiven = apiKey != null && !apiKey.isBlank();
        boolean secretGiven = apiSecret != null && !apiSecret.isBlank();
        if (existing == null || keyGiven || secretGiven) {
            if (!keyGiven) {
                errors.add("apiKey", existing == null ? words.conn_enter_key()
                        : testing ? words.conn_enter_new_key_test() : words.conn_enter_new_key_save());
            }
            if (!secretGiven) {
                errors.add("apiSecret", existing == null ? words.conn_enter_secret()
                        : testing ? words.conn_enter_new_secret_test() : words.conn_enter_new_secret_save());
            }
        }
        if (keyGiven) {
            Optional.ofNullable(TextInput.problem(apiKey.trim(), MAX_CREDENTIAL, TextInput.Lines.SINGLE)).ifPresent(p -> errors.add("apiKey", p));
        }
        if (secretGiven) {
            Optional.ofNullable(TextInput.problem(apiSecret.trim(), MAX_CREDENTIAL, TextInput.Lines.SINGLE))
                    .ifPresent(p -> errors.add("apiSecret", p));
        }
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
