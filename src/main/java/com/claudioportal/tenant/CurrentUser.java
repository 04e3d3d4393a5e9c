package com.claudioportal.tenant;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person as the portal sees them: the identity provider's stable id (issuer and
 * subject: memberships are keyed by it), a verified e-mail address (invitations are addressed to
 * it), a display name, the identity provider's organizations and platform role.
 */
@RequestScoped
public class CurrentUser {

    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    /** The issuer of identities that are not tokens (test identities). */
    static final String LOCAL_ISSUER = "portal";

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityConfig config;

    private String email;
    private boolean resolved;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public boolean isPlatformAdmin() {
        return isAuthenticated() && identity.hasRole(PLATFORM_ADMIN_ROLE);
    }

    /** The verified, lower-cased e-mail address, or {@code null} when there is none to trust. */
    public String email() {
        if (!resolved) {
            email = resolveEmail();
            resolved = true;
        }
        return email;
    }

    public boolean hasEmail() {
        return email() != null;
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = jwt.getClaim("name");
            if (name != null && !name.isBlank()) {
                return name;
            }
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null && !preferred.isBlank()) {
                return preferred;
            }
        }
        return email() != null ? email() : identity.getPrincipal().getName();
    }

    /** Organization aliases from the identity provider's {@code organization} claim. */
    public Set<String> organizations() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return OrganizationClaim.aliases(jwt.getClaim(config.organizationClaim()));
        }
        return Set.of();
    }

    /** The identity provider's stable id of the person ({@code sub}), for the audit log and memberships. */
    public String subject() {
        if (!isAuthenticated()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * Who issued {@link #subject()}: a subject is unique only per issuer. Identities that are not
     * tokens (none in production) count as issued by the portal itself.
     */
    public String issuer() {
        return isAuthenticated() ? issuerOf(identity) : null;
    }

    /** {@link #issuer()} of any identity, e.g. one a security event names (the sign-in's audit). */
    public static String issuerOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getIssuer() != null && !jwt.getIssuer().isBlank()) {
            return jwt.getIssuer();
        }
        return LOCAL_ISSUER;
    }

    /** The person as memberships see them, or null when nobody is signed in. */
    public Person person() {
        return isAuthenticated() ? new Person(issuer(), subject(), email(), displayName(), organizations()) : null;
    }

    /** Who did something, for the audit log. */
    public String actor() {
        return isAuthenticated() ? (email() != null ? email() : identity.getPrincipal().getName()) : "anonymous";
    }

    private String resolveEmail() {
        return emailOf(identity, config.requireVerifiedEmail());
    }

    /** The e-mail address to trust for {@code identity}; also for code without a request (sign-in events). */
    public static String emailOf(SecurityIdentity identity, boolean requireVerified) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String candidate = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            candidate = jwt.getClaim("email");
            if (candidate != null && requireVerified) {
                Object verified = jwt.getClaim("email_verified");
                if (!(Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)))) {
                    return null;
                }
            }
        }
        if (candidate == null && !requireVerified) {
            String name = identity.getPrincipal().getName();
            candidate = name != null && name.contains("@") ? name : null;
        }
        return candidate == null ? null : candidate.trim().toLowerCase(Locale.ROOT);
    }
}
