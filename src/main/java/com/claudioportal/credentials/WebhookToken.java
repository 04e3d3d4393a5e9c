package com.claudioportal.credentials;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/** The hash of the active tenant's webhook token; the token itself is never stored. */
@Entity
@Table(name = "webhook_token")
public class WebhookToken extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "token_hint")
    public String tokenHint;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "created_by")
    public String createdBy;

    public static WebhookToken current() {
        return find("order by id").firstResult();
    }
}
