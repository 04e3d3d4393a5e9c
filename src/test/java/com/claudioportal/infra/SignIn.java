package com.claudioportal.infra;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.util.AnnotationLiteral;

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
 * signs in as each role in turn.
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
        TestIdentityAssociation association = Arc.container().select(TestIdentityAssociation.class).get();
        association.setTestIdentity(identity());
        try {
            body.run();
        } finally {
            association.setTestIdentity(null);
        }
    }

    private SecurityIdentity identity() {
        SecurityIdentity plain = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(email)).addRoles(roles).build();
        return Arc.container().select(TestSecurityIdentityAugmentor.class).get()
                .augment(plain, new Annotation[] { new OidcSecurityLiteral(claims.toArray(Claim[]::new)) });
    }

    @SuppressWarnings("all")
    private static final class OidcSecurityLiteral extends AnnotationLiteral<OidcSecurity> implements OidcSecurity {
        private final Claim[] claims;

        OidcSecurityLiteral(Claim[] claims) {
            this.claims = claims;
        }

        @Override
        public Claim[] claims() {
            return claims;
        }

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
    }

    @SuppressWarnings("all")
    private static final class ClaimLiteral extends AnnotationLiteral<Claim> implements Claim {
        private final String key;
        private final String value;
        private final ClaimType type;

        ClaimLiteral(String key, String value, ClaimType type) {
            this.key = key;
            this.value = value;
            this.type = type;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public ClaimType type() {
            return type;
        }
    }
}
