package com.claudioportal.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the portal reads people from the identity provider's tokens. */
@ConfigMapping(prefix = "portal.identity")
public interface IdentityConfig {

    /**
     * Trust an e-mail address only when the token says it is verified ({@code email_verified}).
     * Memberships are keyed by e-mail, so leave this on in production.
     */
    @WithDefault("true")
    boolean requireVerifiedEmail();

    /** Claim carrying the person's organizations (Keycloak: {@code organization}). */
    @WithDefault("organization")
    String organizationClaim();
}
