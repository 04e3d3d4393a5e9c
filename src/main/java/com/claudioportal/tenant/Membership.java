package com.claudioportal.tenant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's role in the current tenant. Tenant-scoped like every tenant-owned entity. Matched by
 * the identity provider's subject once bound, by the invited e-mail address before (see {@link TenantDirectory}).
 */
@Entity
@Table(name = "membership")
public class Membership extends TenantOwnedEntity {

    public enum Source {
        /** Added by a tenant admin (or when the tenant was created). */
        INVITED,
        /** Granted because the identity provider said the person belongs to the tenant's organization. */
        ORGANIZATION;

        public boolean isOrganization() {
            return this == ORGANIZATION;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    /**
     * The address the person was invited with, then the last verified address they signed in
     * with. It opens the membership only until the first sign-in binds it to {@link #subject}.
     */
    public String email;

    /** The identity provider that issued {@link #subject}; null until the first sign-in. */
    public String issuer;

    /** The identity provider's stable id of the person ({@code sub}); null until the first sign-in. */
    public String subject;

    @Enumerated(EnumType.STRING)
    public TenantRole role;

    @Enumerated(EnumType.STRING)
    public Source source = Source.INVITED;

    /** Set instead of deleting an organization grant, so the next sign-in does not grant it again. */
    public boolean revoked;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    public String displayNameOrEmail() {
        return displayName == null || displayName.isBlank() ? email : displayName;
    }
}
