package com.claudioportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The sandbox's Java API, for tests, the demo and other features: create simulated Claudio
 * accounts, shape their behaviour, inject faults and look at what they received. The same is
 * available over HTTP through the control endpoint (docs/claudio.md). Every method fails with
 * {@link IllegalStateException} while the sandbox is disabled and with
 * {@link IllegalArgumentException} for an unknown account.
 *
 * <p>Sandbox beans activate a request context themselves: Hibernate's multi-tenancy resolves the
 * (here unused) tenant through it, and sandbox work runs on Vert.x workers and scheduler threads.
 */
@ApplicationScoped
@ActivateRequestContext
public class SandboxAccounts {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Inject
    SandboxConfig config;

    @Inject
    SandboxUrls urls;

    /**
     * Makes sure the account exists with this key and secret (creating it with default behaviour,
     * or replacing its credentials); idempotent. The key and secret are stored only as hashes.
     */
    public SandboxAccount ensureAccount(String slug, String apiKey, String apiSecret) {
        requireEnabled();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("A sandbox slug is 1-63 lower-case letters, digits and inner hyphens");
        }
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("A sandbox account needs a key and a secret");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxAccountEntity account = SandboxAccountEntity.findById(slug);
            if (account == null) {
                account = new SandboxAccountEntity();
                account.slug = slug;
                account.processingMillis = config.defaultProcessingTime().toMillis();
                account.apiKeyHash = Credentials.hash(apiKey);
                account.apiSecretHash = Credentials.hash(apiSecret);
                account.persist();
            } else {
                account.apiKeyHash = Credentials.hash(apiKey);
                account.apiSecretHash = Credentials.hash(apiSecret);
                account.updatedAt = Instant.now();
            }
            return view(account);
        });
    }

    public Optional<SandboxAccount> find(String slug) {
        requireEnabled();
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxAccountEntity account = SandboxAccountEntity.findById(slug);
            return Optional.ofNullable(account).map(this::view);
        });
    }

    /** The base URL a tenant enters to use this account: {@code <public-url><path>/<slug>}. */
    public String baseUrl(String slug) {
        return urls.baseUrl(slug);
    }

    /** Where completion notifications go (null: none). Jobs keep the URL they were submitted with. */
    public SandboxAccount setWebhookUrl(String slug, String url) {
        if (url != null && !url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("A webhook URL is an absolute http(s) URL");
        }
        return update(slug, a -> a.webhookUrl = url == null || url.isBlank() ? null : url.strip());
    }

    public SandboxAccount setProcessingTime(String slug, Duration processingTime) {
        requireNonNegative(processingTime);
        return update(slug, a -> a.processingMillis = processingTime.toMillis());
    }

    public SandboxAccount setPollStyle(String slug, PollStyle style) {
        return update(slug, a -> a.pollStyle = java.util.Objects.requireNonNull(style));
    }

    /** On: transcript links serve a small "transcript deleted" PDF instead of the document. */
    public SandboxAccount setRetention(String slug, boolean deleted) {
        return update(slug, a -> a.retention = deleted);
    }

    /** Lifetime of links issued from now on; null returns to {@code portal.sandbox.link-lifetime}. */
    public SandboxAccount setLinkLifetime(String slug, Duration lifetime) {
        if (lifetime != null && (lifetime.isZero() || lifetime.isNegative())) {
            throw new IllegalArgumentException("A link lifetime is positive");
        }
        return update(slug, a -> a.linkLifetimeMillis = lifetime == null ? null : lifetime.toMillis());
    }

    /** Share of calls of this kind (0..1) answered with a simulated 500. */
    public SandboxAccount setErrorRate(String slug, SandboxCall call, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("An error rate is between 0 and 1");
        }
        return update(slug, a -> a.errorRate(call, rate));
    }

    /** Delay added to every call of the account. */
    public SandboxAccount setLatency(String slug, Duration latency) {
        requireNonNegative(latency);
        return update(slug, a -> a.latencyMillis = latency.toMillis());
    }

    /** On: Submit stores the job, then closes the connection without answering. */
    public SandboxAccount setDropSubmitResponse(String slug, boolean drop) {
        return update(slug, a -> a.dropSubmitResponse = drop);
    }

    /** On: the current key is answered with 401 until {@link #rotateKey} issues a new one. */
    public SandboxAccount setKeyRevoked(String slug, boolean revoked) {
        return update(slug, a -> a.keyRevoked = revoked);
    }

    /** No errors, no latency, no dropped answers, key valid again. */
    public SandboxAccount clearFaults(String slug) {
        return update(slug, a -> {
            for (SandboxCall call : SandboxCall.values()) {
                a.errorRate(call, 0);
            }
            a.latencyMillis = 0;
            a.dropSubmitResponse = false;
            a.keyRevoked = false;
        });
    }

    /** Issues a new key (the secret stays); the old key is answered with 401 from now on. */
    public String rotateKey(String slug) {
        String key = Credentials.newKey();
        update(slug, a -> {
            a.apiKeyHash = Credentials.hash(key);
            a.keyRevoked = false;
        });
        return key;
    }

    public Optional<SandboxJob> job(String jobReferenceId) {
        requireEnabled();
        return QuarkusTransaction.requiringNew().call(() -> SandboxJobEntity.<SandboxJobEntity> find("jobReferenceId", jobReferenceId)
                .firstResultOptional().map(SandboxAccounts::view));
    }

    public List<SandboxJob> jobs(String slug) {
        requireEnabled();
        return QuarkusTransaction.requiringNew().call(() -> SandboxJobEntity.<SandboxJobEntity> list(
                "accountSlug = ?1 order by submittedAt, id", slug).stream().map(SandboxAccounts::view).toList());
    }

    public long jobCount(String slug) {
        requireEnabled();
        return QuarkusTransaction.requiringNew().call(() -> SandboxJobEntity.count("accountSlug", slug));
    }

    public List<SandboxUpload> uploads(String slug) {
        requireEnabled();
        return QuarkusTransaction.requiringNew().call(() -> SandboxFileEntity.<SandboxFileEntity> list(
                "accountSlug = ?1 and jobId is null order by createdAt", slug).stream()
                .map(f -> new SandboxUpload(f.id, f.role, f.filename, f.contentType, f.sizeBytes, f.createdAt)).toList());
    }

    private SandboxAccount update(String slug, Consumer<SandboxAccountEntity> change) {
        requireEnabled();
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxAccountEntity account = SandboxAccountEntity.findById(slug);
            if (account == null) {
                throw new IllegalArgumentException("No sandbox account " + slug);
            }
            change.accept(account);
            account.updatedAt = Instant.now();
            return view(account);
        });
    }

    SandboxAccount view(SandboxAccountEntity a) {
        Map<SandboxCall, Double> rates = new EnumMap<>(SandboxCall.class);
        for (SandboxCall call : SandboxCall.values()) {
            rates.put(call, a.errorRate(call));
        }
        return new SandboxAccount(a.slug, urls.baseUrl(a.slug), a.webhookUrl, Duration.ofMillis(a.processingMillis), a.pollStyle,
                a.retention, linkLifetime(a), new SandboxFaults(Map.copyOf(rates), Duration.ofMillis(a.latencyMillis),
                        a.dropSubmitResponse, a.keyRevoked));
    }

    Duration linkLifetime(SandboxAccountEntity a) {
        return a.linkLifetimeMillis == null ? config.linkLifetime() : Duration.ofMillis(a.linkLifetimeMillis);
    }

    static SandboxJob view(SandboxJobEntity job) {
        List<SandboxJob.Input> inputs = new ArrayList<>();
        for (SandboxJobInputEntity in : SandboxJobInputEntity.<SandboxJobInputEntity> list("jobId = ?1 order by role, position", job.id)) {
            SandboxFileEntity file = SandboxFileEntity.findById(in.fileId);
            inputs.add(new SandboxJob.Input(in.role, in.filename, file.filename, file.sizeBytes, in.audioStart, in.audioEnd, in.docType));
        }
        List<SandboxJob.Output> outputs = SandboxFileEntity.<SandboxFileEntity> list("jobId = ?1 order by role desc, filename", job.id)
                .stream().map(f -> new SandboxJob.Output(f.role, f.filename, f.contentType, f.sizeBytes, f.detail)).toList();
        return new SandboxJob(job.jobReferenceId, job.accountSlug, job.jobName, job.profileId, job.profileName, job.formId, job.raw,
                job.status, job.submittedAt, job.completesAt, job.completedAt, JobCompletion.jobData(job.requestJson), inputs, outputs,
                job.rawText, job.webhookResult);
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new IllegalStateException("The Claudio sandbox is disabled (portal.sandbox.enabled=false)");
        }
    }

    private static void requireNonNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("A duration of zero or more is needed");
        }
    }
}
