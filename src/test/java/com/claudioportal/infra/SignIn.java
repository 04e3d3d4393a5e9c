package com.claudioportal.infra;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;
import io.quarkus.test.security.TestSecurityIdentityAugmentor;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.ConfigMetadata;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.TokenIntrospection;
import io.quarkus.test.security.oidc.UserInfo;

/**
 * Signs a Quarkus test in as one person while a piece of it runs, with the identity that
 * {@code @TestSecurity(user = email, roles = ...)} and {@code @OidcSecurity} with the claims {@code email}
 * and {@code email_verified = true} would give the whole test method: the same principal and roles,
 * turned into a token by Quarkus' own OIDC test augmentor, set where Quarkus' test extension sets it
 * ({@link TestIdentityAssociation}, which every request of the test then authenticates as). Unlike the
 * annotations, whose values are fixed per method, the person is a value: one parameterized test
 * signs in as each role in turn. {@link SignedInAs} signs a whole test (or every test of a class) in
 * through it.
 */
public final class SignIn {

    /** What runs signed in. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final String email;
    private final Set<String> roles;
    private final List<Claim> claims;

    private SignIn(String email, Set<String> roles, List<Claim> claims) {
        this.email = email;
        this.roles = roles;
        this.claims = claims;
    }

    /** The person {@code email}, whose identity provider has verified that address, with these platform roles. */
    public static SignIn as(String email, String... roles) {
        return new SignIn(email, Set.of(roles),
                List.of(new ClaimLiteral("email", email, ClaimType.DEFAULT), new ClaimLiteral("email_verified", "true", ClaimType.BOOLEAN)));
    }

    /** The person {@code email} with these platform roles, whose identity provider has not said that address is verified. */
    public static SignIn asUnverified(String email, String... roles) {
        return new SignIn(email, Set.of(roles), List.of(new ClaimLiteral("email", email, ClaimType.DEFAULT)));
    }

    /** The same person with one more claim in their token (an organization, how they authenticated). */
    public SignIn withClaim(String key, String value, ClaimType type) {
        List<Claim> more = new ArrayList<>(claims);
        more.add(new ClaimLiteral(key, value, type));
        return new SignIn(email, roles, List.copyOf(more));
    }

    /** Runs {@code body} signed in as this person, and signs out after it (as Quarkus does after each test). */
    public void run(Body body) throws Exception {
        begin();
        try {
            body.run();
        } finally {
            end();
        }
    }

    /** Every request from now on is this person's, until {@link #end()}. */
    void begin() {
        association().setTestIdentity(identity());
    }

    /** Nobody is signed in any more. */
    static void end() {
        association().setTestIdentity(null);
    }

    private static TestIdentityAssociation association() {
        return Arc.container().select(TestIdentityAssociation.class).get();
    }

    private SecurityIdentity identity() {
        SecurityIdentity plain = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(email)).addRoles(roles).build();
        return Arc.container().select(TestSecurityIdentityAugmentor.class).get()
                .augment(plain, new Annotation[] { new OidcSecurityLiteral(claims.toArray(Claim[]::new)) });
    }

    /*
     * The annotations' values, for Quarkus' augmentor, which reads only their members (a record's
     * accessors are the members).
     */

    private record OidcSecurityLiteral(Claim[] claims) implements OidcSecurity {
        @Override
        public boolean introspectionRequired() {
            return false;
        }

        @Override
        public TokenIntrospection[] introspection() {
            return new TokenIntrospection[0];
        }

        @Override
        public UserInfo[] userinfo() {
            return new UserInfo[0];
        }

        @Override
        public ConfigMetadata[] config() {
            return new ConfigMetadata[0];
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return OidcSecurity.class;
        }
    }

    private record ClaimLiteral(String key, String value, ClaimType type) implements Claim {
        @Override
        public Class<? extends Annotation> annotationType() {
            return Claim.class;
        }
    }
}
