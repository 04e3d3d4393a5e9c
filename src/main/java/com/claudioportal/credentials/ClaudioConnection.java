package com.claudioportal.credentials;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/** The active tenant's Claudio base URL and sealed credentials (at most one per tenant). */
@Entity
@Table(name = "claudio_connection")
public class ClaudioConnection extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    @Column(name = "base_url")
    public String baseUrl;

    /** Sealed by {@link SecretBox}; never rendered, logged or exported. */
    @Column(name = "api_key_sealed")
    public String apiKeySealed;

    @Column(name = "api_secret_sealed")
    public String apiSecretSealed;

    /** Masked form for pages, e.g. "••••c123". */
    @Column(name = "api_key_hint")
    public String apiKeyHint;

    @Column(name = "api_secret_hint")
    public String apiSecretHint;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "last_test_at")
    public Instant lastTestAt;

    @Column(name = "last_test_ok")
    public Boolean lastTestOk;

    /** A {@link ConnectionTester.Outcome} name. */
    @Column(name = "last_test_outcome")
    public String lastTestOutcome;

    /** The outcome's explanation, in the portal's own words. */
    @Column(name = "last_test_summary")
    public String lastTestSummary;

    /**
     * The message key (web.AdminMessages) of the last test's badge ("Works", "Key or secret rejected", ...). A
     * test saved before the outcome was kept (V7) has only ok or not.
     */
    public String lastTestWordKey() {
        if (lastTestOutcome == null) {
            return Boolean.TRUE.equals(lastTestOk) ? "verdict_" + ConnectionTester.Outcome.WORKS.name() : "verdict_failed";
        }
        return "verdict_" + lastTestOutcome;
    }

    public static ClaudioConnection current() {
        return find("order by id").firstResult();
    }
}
