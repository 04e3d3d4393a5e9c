package com.claudioportal.tenant;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether administrators must have signed in with a second factor before they use the
 * administration pages ({@code /platform/…}, {@code /t/{tenant}/admin/…}). Tenant roles live in
 * the portal's database, so the identity provider cannot know who is a tenant admin: the portal
 * asks for a stronger sign-in (OpenID Connect {@code acr_values}) when an admin page is opened
 * and checks the token's {@code acr} or {@code amr} claim (see docs/operations.md, "Second factor").
 */
@ConfigMapping(prefix = "portal.identity.second-factor")
public interface SecondFactorConfig {

    /** Off by default (demo, tests); on in the production profile. */
    @WithDefault("false")
    boolean requiredForAdmins();

    /**
     * Authentication context class requested from the identity provider for admin pages and
     * accepted in the token's {@code acr} claim; the first one is requested. The shipped
     * production realm maps {@code otp} to its second-factor level.
     */
    @WithDefault("otp")
    List<String> acrValues();

    /**
     * Authentication methods ({@code amr} claim) that count as a second factor, for sign-ins
     * that used one without being asked (the production realm always asks platform admins).
     */
    @WithDefault("otp,mfa")
    List<String> amrValues();
}
