package com.claudioportal.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Claims due mails across tenants, the job engine's way (tracking/JobClaims): one atomic
 * {@code UPDATE … RETURNING} picks due rows {@code FOR UPDATE SKIP LOCKED} and leases them to one
 * owner, so several instances never send the same mail; a dead owner's claims are taken over
 * when the lease runs out. Looks only at ids and scheduling columns; each mail is then read and
 * settled inside its tenant.
 */
@ApplicationScoped
public class MailClaims {

    /** A claimed mail. */
    public record Claim(long id, String tenantId) {
    }

    private static final String CLAIM = """
            update mail_outbox m set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
            from (select id from mail_outbox
                  where status = 'PENDING' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
                  order by next_attempt_at, id
                  limit ?
                  for update skip locked) due
            where m.id = due.id
            returning m.id, m.tenant_id""";

    @Inject
    DataSource dataSource;

    public List<Claim> claim(String owner, Duration lease, int max) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, owner);
            s.setDouble(2, lease.toMillis() / 1000.0);
            s.setInt(3, max);
            List<Claim> claims = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claims.add(new Claim(r.getLong(1), r.getString(2)));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim mails to send", e);
        }
    }

    private static final String RENEW = """
            update mail_outbox set lease_until = now() + make_interval(secs => ?)
            where id = ? and lease_owner = ? and status = 'PENDING'""";

    /**
     * Renews {@code owner}'s lease on one claimed mail, right before it is sent; false when the mail
     * is no longer the owner's to send (another instance took it over after the lease ran out, or it
     * was settled). One conditional statement, so a take-over and a renewal cannot both succeed.
     */
    public boolean renew(String owner, long id, Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RENEW)) {
            s.setDouble(1, lease.toMillis() / 1000.0);
            s.setLong(2, id);
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renew the lease of a mail", e);
        }
    }
}
