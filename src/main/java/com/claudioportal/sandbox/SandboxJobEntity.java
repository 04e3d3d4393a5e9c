package com.claudioportal.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A submitted sandbox job. No @TenantId: see {@link SandboxAccountEntity}. */
@Entity
@Table(name = "sandbox_job")
public class SandboxJobEntity extends PanacheEntityBase {

    static final String PROCESSING = "PROCESSING";
    static final String COMPLETED = "COMPLETED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_reference_id")
    public String jobReferenceId;

    @Column(name = "account_slug")
    public String accountSlug;

    @Column(name = "job_name")
    public String jobName = "";

    @Column(name = "profile_id")
    public String profileId = "";

    @Column(name = "profile_name")
    public String profileName = "";

    @Column(name = "form_id")
    public String formId = "";

    @Column(name = "is_raw")
    public boolean raw;

    @Column(name = "request_json")
    public String requestJson;

    public String status = PROCESSING;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "completes_at")
    public Instant completesAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "raw_text")
    public String rawText;

    @Column(name = "extracted_fields")
    public String extractedFields;

    @Column(name = "total_audio_seconds")
    public Double totalAudioSeconds;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_claimed_at")
    public Instant webhookClaimedAt;

    @Column(name = "webhook_result")
    public String webhookResult;

    boolean completed() {
        return COMPLETED.equals(status);
    }
}
