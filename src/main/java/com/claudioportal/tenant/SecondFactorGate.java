package com.claudioportal.tenant;

import java.net.URI;
import java.util.Collection;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Step-up sign-in for administrators (on when {@code portal.identity.second-factor.required-for-admins}).
 * A platform admin or tenant admin whose sign-in showed no second factor and opens an
 * administration page loses the portal session and is sent back to the same page: the new sign-in
 * then asks the identity provider for the second-factor level ({@code acr_values}), which Keycloak
 * satisfies with the existing session plus a one-time code ({@link SecondFactorSignIn} adds the
 * request to sign-ins that start on an admin page). A cookie stops a loop when the
 * identity provider cannot give that level: the person gets the 403 page instead.
 */
public class SecondFactorGate {

    static final String ATTEMPT_COOKIE = "portal-second-factor";
    private static final Pattern ADMIN_PATH = Pattern.compile("^/(platform|t/[^/]+/admin)(/.*)?$");
    private static final Logger LOG = Logger.getLogger(SecondFactorGate.class);

    @Inject
    SecondFactorConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @Inject
    OidcSession session;

    /** Runs after {@link TenantAccessFilter}: on tenant pages only admins of that tenant get here. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 20)
    public Uni<Response> requireSecondFactor(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!config.requiredForAdmins() || identity.isAnonymous() || !isAdminPath(path)) {
            return null;
        }
        if (path.startsWith("/platform") && !user.isPlatformAdmin()) {
            return null; // refused by the page's own role check
        }
        if (hasSecondFactor(identity.getPrincipal(), config)) {
            return null;
        }
        boolean alreadyAsked = request.getCookies().containsKey(ATTEMPT_COOKIE);
        if (alreadyAsked || !HttpMethod.GET.equals(request.getMethod())) {
            LOG.info("An administrator's sign-in shows no second factor after a step-up request; "
                    + "check that the realm maps the requested acr value (docs/operations.md)");
            throw new ForbiddenException();
        }
        URI again = request.getUriInfo().getRequestUri();
        NewCookie attempt = new NewCookie.Builder(ATTEMPT_COOKIE).value("1").path("/").maxAge(120)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return session.logout().map(done -> Response.seeOther(URI.create(again.getRawPath()
                + (again.getRawQuery() == null ? "" : "?" + again.getRawQuery()))).cookie(attempt).build());
    }

    static boolean isAdminPath(String path) {
        return path != null && ADMIN_PATH.matcher(path).matches();
    }

    static boolean hasSecondFactor(Object principal, SecondFactorConfig config) {
        if (!(principal instanceof JsonWebToken token)) {
            return false;
        }
        Object acr = token.getClaim("acr");
        if (acr != null && config.acrValues().contains(unquote(acr))) {
            return true;
        }
        Object amr = token.getClaim("amr");
        if (amr instanceof Collection<?> methods) {
            return methods.stream().map(SecondFactorGate::unquote).anyMatch(config.amrValues()::contains);
        }
        return false;
    }

    /** JSON claim values may arrive as JSON strings with their quotes. */
    private static String unquote(Object value) {
        String text = String.valueOf(value);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
