package com.claudioportal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.IdentityConfig;
import com.claudioportal.tenant.OrganizationClaim;
import com.claudioportal.tenant.Person;
import com.claudioportal.tenant.TenantDirectory;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.tenant.TenantSummary;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in, sign-out and expired sessions, from Quarkus OIDC's security events: recorded in the
 * chain of every tenant the person belongs to (its auditors see who could reach their data, and
 * when), or the platform's for someone in no tenant, such as the platform admin. Membership
 * granted by an organization claim on first use is recorded with the grant.
 */
@ApplicationScoped
public class SignInAudit {

    private static final Logger LOG = Logger.getLogger(SignInAudit.class);

    @Inject
    AuditTrail trail;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantScope scope;

    @Inject
    IdentityConfig identityConfig;

    static String actionOf(SecurityEvent.Type type) {
        return switch (type) {
            case OIDC_LOGIN -> "auth.signed-in";
            case OIDC_LOGOUT_RP_INITIATED, OIDC_BACKCHANNEL_LOGOUT_COMPLETED, OIDC_FRONTCHANNEL_LOGOUT_COMPLETED -> "auth.signed-out";
            case OIDC_LOGOUT_RP_INITIATED_SESSION_EXPIRED -> "auth.session-expired";
            default -> null;
        };
    }

    static String via(SecurityEvent.Type type) {
        return switch (type) {
            case OIDC_LOGIN -> "identity provider";
            case OIDC_LOGOUT_RP_INITIATED, OIDC_LOGOUT_RP_INITIATED_SESSION_EXPIRED -> "sign-out link";
            case OIDC_BACKCHANNEL_LOGOUT_COMPLETED -> "identity provider (back-channel)";
            case OIDC_FRONTCHANNEL_LOGOUT_COMPLETED -> "identity provider (front-channel)";
            default -> type.name();
        };
    }

    void onSecurityEvent(@ObservesAsync SecurityEvent event) {
        String action = actionOf(event.getEventType());
        SecurityIdentity identity = event.getSecurityIdentity();
        if (action == null || identity == null || identity.isAnonymous()) {
            return;
        }
        try {
            record(action, event.getEventType(), identity);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record %s in the audit log", action);
        }
    }

    void record(String action, SecurityEvent.Type type, SecurityIdentity identity) {
        String email = CurrentUser.emailOf(identity, identityConfig.requireVerifiedEmail());
        String name = email != null ? email : identity.getPrincipal().getName();
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName();
        Set<String> organizations = identity.getPrincipal() instanceof JsonWebToken jwt
                ? OrganizationClaim.aliases(jwt.getClaim(identityConfig.organizationClaim())) : Set.of();
        AuditSource source = sourceOf(identity);
        boolean platformAdmin = identity.hasRole(CurrentUser.PLATFORM_ADMIN_ROLE);
        scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
            // the tenants the person belongs to, as memberships match them (by issuer and subject; a verified address invites)
            List<TenantSummary> tenants = directory.tenantsOf(new Person(CurrentUser.issuerOf(identity), subject, email, name, organizations));
            List<AuditEntry> entries = new ArrayList<>();
            for (TenantSummary t : tenants) {
                entries.add(AuditEntry.of(action).chain(t.id()).actor(new AuditActor(name, subject, t.role().name())));
            }
            if (tenants.isEmpty() || platformAdmin) {
                entries.add(AuditEntry.of(action).chain(AuditTrail.PLATFORM)
                        .actor(new AuditActor(name, subject, platformAdmin ? "PLATFORM_ADMIN" : null)));
            }
            for (AuditEntry e : entries) {
                trail.write(e.target("person", name).source(source).detail("via", via(type)));
            }
            return null;
        }));
    }

    private static AuditSource sourceOf(SecurityIdentity identity) {
        Object rc = identity.getAttribute(RoutingContext.class.getName());
        if (rc == null) {
            rc = identity.getAttribute("quarkus.http.routing.context");
        }
        return rc instanceof RoutingContext routing ? AuditSource.of(routing) : AuditSource.NONE;
    }

    /** Membership that an organization claim granted on first use, in the grant's transaction. */
    void onOrganizationGrant(@Observes TenantDirectory.OrganizationGrant grant) {
        trail.write(AuditEntry.of("member.joined").chain(grant.tenantId()).target("member", grant.email())
                .detail("role", "STAFF").detail("organization", grant.organization()));
    }
}
