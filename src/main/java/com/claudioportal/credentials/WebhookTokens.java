package com.claudioportal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.tenant.CurrentUser;

/**
 * The tenant's webhook address: {@code <portal>/webhooks/claudio/<token>}, where the token is 256
 * random bits. Only its SHA-256 is stored (the token is unguessable, so a fast hash suffices);
 * the full address is shown once, when generated. Regenerating invalidates the old address.
 */
@ApplicationScoped
public class WebhookTokens {

    public static final String PATH = "/webhooks/claudio/";

    /** Fired after a tenant's webhook address was replaced, so that caches of the old one are dropped. */
    public record Regenerated(String tenantId) {
    }

    @Inject
    Event<Regenerated> regenerated;

    private final SecureRandom random = new SecureRandom();

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    DataSource dataSource;

    /** Replaces the active tenant's token; returns the new token (to show once). */
    @Transactional
    public String regenerate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WebhookToken existing = WebhookToken.current();
        boolean replaced = existing != null;
        if (replaced) {
            existing.delete();
            // gone before the new row goes in: a tenant has one token (tenant_id is unique)
            WebhookToken.flush();
        }
        WebhookToken t = new WebhookToken();
        t.tokenHash = hash(token);
        t.tokenHint = token.substring(token.length() - 4);
        t.createdBy = user.actor();
        t.persist();
        // the row's id: no part of the token goes into the log
        audit.record(replaced ? "webhook.regenerated" : "webhook.created", "webhook", t.id, Map.of());
        regenerated.fire(new Regenerated(t.tenantId));
        return token;
    }

    /**
     * The tenant a webhook token belongs to. Runs before any tenant is known, so it is one of the
     * few cross-tenant lookups: by the token's hash, which reveals nothing. One indexed lookup on
     * a connection of its own, without a transaction: a flood of unknown addresses costs nothing more.
     */
    public Optional<String> tenantOf(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select tenant_id from webhook_token where token_hash = ?")) {
            s.setString(1, hash(token));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up a webhook address", e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
