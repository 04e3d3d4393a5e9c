package com.claudioportal.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/**
 * Sign-ins that start on an administration page ask the identity provider for the
 * second-factor level ({@code acr_values}), when {@link SecondFactorConfig} requires it.
 * Other sign-ins stay password-only, so staff are not asked for a code.
 */
@ApplicationScoped
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SecondFactorSignIn implements OidcRedirectFilter {

    @Inject
    SecondFactorConfig config;

    @Override
    public void filter(OidcRedirectContext context) {
        if (config.requiredForAdmins() && SecondFactorGate.isAdminPath(context.routingContext().request().path())) {
            context.additionalQueryParams().add("acr_values", config.acrValues().get(0));
        }
    }
}
