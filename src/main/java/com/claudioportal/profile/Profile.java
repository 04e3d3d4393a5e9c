package com.claudioportal.profile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/** A profile staff can submit jobs with; its content lives in immutable {@link ProfileVersion}s. */
@Entity
@Table(name = "profile")
public class Profile extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    @Column(name = "display_name")
    public String displayName;

    public boolean enabled = true;

    @Column(name = "current_version_id")
    public Long currentVersionId;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    /** How long a job of this profile should take, from saved to transcript; later jobs are marked late. */
    @Column(name = "expected_turnaround_minutes")
    public int expectedTurnaroundMinutes = DEFAULT_TURNAROUND_MINUTES;

    public static final int DEFAULT_TURNAROUND_MINUTES = 24 * 60;

    public java.time.Duration expectedTurnaround() {
        return java.time.Duration.ofMinutes(expectedTurnaroundMinutes);
    }

    public ProfileVersion currentVersion() {
        return currentVersionId == null ? null : ProfileVersion.findById(currentVersionId);
    }
}
