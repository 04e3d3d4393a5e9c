package com.claudioportal.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A simulated Claudio team. Deliberately without @TenantId: it stands for the vendor's data. */
@Entity
@Table(name = "sandbox_account")
public class SandboxAccountEntity extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(name = "api_key_hash")
    public String apiKeyHash;

    @Column(name = "api_secret_hash")
    public String apiSecretHash;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "processing_millis")
    public long processingMillis;

    @Enumerated(EnumType.STRING)
    @Column(name = "poll_style")
    public PollStyle pollStyle = PollStyle.NEWER;

    public boolean retention;

    @Column(name = "link_lifetime_millis")
    public Long linkLifetimeMillis;

    @Column(name = "key_revoked")
    public boolean keyRevoked;

    @Column(name = "latency_millis")
    public long latencyMillis;

    @Column(name = "drop_submit_response")
    public boolean dropSubmitResponse;

    @Column(name = "error_rate_upload_audio")
    public double errorRateUploadAudio;

    @Column(name = "error_rate_upload_document")
    public double errorRateUploadDocument;

    @Column(name = "error_rate_submit")
    public double errorRateSubmit;

    @Column(name = "error_rate_poll")
    public double errorRatePoll;

    @Column(name = "error_rate_details")
    public double errorRateDetails;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    double errorRate(SandboxCall call) {
        return switch (call) {
            case UPLOAD_AUDIO -> errorRateUploadAudio;
            case UPLOAD_DOCUMENT -> errorRateUploadDocument;
            case SUBMIT -> errorRateSubmit;
            case POLL -> errorRatePoll;
            case DETAILS -> errorRateDetails;
        };
    }

    void errorRate(SandboxCall call, double rate) {
        switch (call) {
            case UPLOAD_AUDIO -> errorRateUploadAudio = rate;
            case UPLOAD_DOCUMENT -> errorRateUploadDocument = rate;
            case SUBMIT -> errorRateSubmit = rate;
            case POLL -> errorRatePoll = rate;
            case DETAILS -> errorRateDetails = rate;
        }
    }
}
