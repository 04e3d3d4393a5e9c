package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.members.MemberService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Memberships belong to the identity provider's stable subject: the invited address opens the
 * membership once, for the first person who signs in with it verified; after that a changed
 * address keeps the access, and whoever gets the old address later does not inherit it.
 */
@QuarkusTest
class MembershipSubjectTest extends TenantTestBase {

    static final String ISSUER = "https://sso.example/realms/claudio";

    @Inject
    TenantDirectory directory;

    @Inject
    MemberService members;

    @Test
    void theFirstVerifiedSignInBindsTheInvitationAndTheSubjectKeepsItWhenTheAddressChanges() {
        String tenant = fixtures.tenant("Subject Clinic", Fixtures.email("admin"));
        String invited = Fixtures.email("dr-roe");
        fixtures.member(tenant, invited, TenantRole.AUDITOR);

        Person roe = new Person(ISSUER, "sub-roe-1", invited, "Dr. Roe", Set.of());
        assertEquals(TenantRole.AUDITOR, access(tenant, roe).orElseThrow().role());
        Membership bound = membership(tenant, invited);
        assertEquals(ISSUER, bound.issuer);
        assertEquals("sub-roe-1", bound.subject);

        // the address changes in Keycloak: the same subject keeps the membership, and the row shows the new address
        String changed = Fixtures.email("jane-roe");
        Person renamed = new Person(ISSUER, "sub-roe-1", changed, "Dr. Jane Roe", Set.of());
        assertEquals(TenantRole.AUDITOR, access(tenant, renamed).orElseThrow().role());
        assertEquals("sub-roe-1", membership(tenant, changed).subject);
        assertEquals(List.of(tenant), tenantsOf(renamed).stream().map(TenantSummary::id).toList());

        // someone who is given the old address later gets nothing with it
        Person newcomer = new Person(ISSUER, "sub-newcomer-2", invited, "New Person", Set.of());
        assertTrue(access(tenant, newcomer).isEmpty());
        assertEquals(List.of(), tenantsOf(newcomer));

        // the same subject from another identity provider is another person
        assertTrue(access(tenant, new Person("https://other.example", "sub-roe-1", changed, "X", Set.of())).isEmpty());
        // and without a verified address a bound member still gets in (by subject)
        assertEquals(TenantRole.AUDITOR, access(tenant, new Person(ISSUER, "sub-roe-1", null, "Dr. Roe", Set.of()))
                .orElseThrow().role());
    }

    @Test
    void anInvitationNeedsTheVerifiedAddressAndIsTakenOnlyOnce() {
        String tenant = fixtures.tenant("Invite Clinic", Fixtures.email("admin"));
        String invited = Fixtures.email("nurse");
        fixtures.member(tenant, invited, TenantRole.STAFF);
        assertTrue(access(tenant, new Person(ISSUER, "sub-unverified", null, "N", Set.of())).isEmpty(),
                "no verified address, no invitation");
        assertTrue(access(tenant, new Person(ISSUER, "sub-first", invited, "N", Set.of())).isPresent());
        assertTrue(access(tenant, new Person(ISSUER, "sub-second", invited, "N", Set.of())).isEmpty(),
                "a second subject with the same address does not share the membership");
        // the admin can invite the address again once its holder moved on, for the new holder
        access(tenant, new Person(ISSUER, "sub-first", Fixtures.email("nurse-moved"), "N", Set.of()));
        fixtures.member(tenant, invited, TenantRole.STAFF);
        assertTrue(access(tenant, new Person(ISSUER, "sub-second", invited, "N", Set.of())).isPresent());
    }

    @Test
    void anOrganizationGrantBelongsToTheSubjectAndItsRevocationSticksAcrossAddressChanges() {
        String tenant = fixtures.tenantWithOrganization("Org Subject Clinic", Fixtures.email("admin"), "org-subject-" + System.nanoTime());
        String alias = scope.call(tenant, () -> Tenant.<Tenant> findById(tenant).organizationAlias);
        String email = Fixtures.email("org-nurse");
        Person nurse = new Person(ISSUER, "sub-org-nurse", email, "Nurse", Set.of(alias));
        assertEquals(TenantRole.STAFF, access(tenant, nurse).orElseThrow().role());
        Membership grant = membership(tenant, email);
        assertEquals("sub-org-nurse", grant.subject);
        scope.run(tenant, () -> members.remove(grant.id));

        Person nurseNewAddress = new Person(ISSUER, "sub-org-nurse", Fixtures.email("org-nurse-new"), "Nurse", Set.of(alias));
        assertTrue(access(tenant, nurseNewAddress).isEmpty(), "a new address does not undo the admin's removal");
    }

    @Test
    @TestSecurity(user = "web-roe")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "sub-web-roe"), @Claim(key = "iss", value = ISSUER),
            @Claim(key = "email", value = "roe-changed@subject.test"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void pagesLetTheSubjectInWhateverAddressTheTokenCarries() {
        String tenant = fixtures.tenant("Web Subject Clinic", Fixtures.email("admin"));
        String invited = Fixtures.email("roe-old");
        fixtures.member(tenant, invited, TenantRole.STAFF);
        access(tenant, new Person(ISSUER, "sub-web-roe", invited, "Dr. Roe", Set.of()));

        given().get("/t/" + tenant).then().statusCode(200);
        assertEquals("roe-changed@subject.test", scope.call(tenant, () -> Membership.<Membership> find("subject", "sub-web-roe")
                .firstResult().email));
        assertNull(membershipOrNull(tenant, invited), "the old address is free to be invited again");
    }

    /** As the access filter asks, with the request context a web request has. */
    private java.util.Optional<TenantAccess> access(String tenant, Person person) {
        return scope.platform(() -> directory.accessTo(tenant, person));
    }

    private List<TenantSummary> tenantsOf(Person person) {
        return scope.platform(() -> directory.tenantsOf(person));
    }

    private Membership membership(String tenant, String email) {
        Membership m = membershipOrNull(tenant, email);
        if (m == null) {
            throw new AssertionError("no membership for " + email);
        }
        return m;
    }

    private Membership membershipOrNull(String tenant, String email) {
        return scope.call(tenant, () -> Membership.<Membership> find("email", email).firstResult());
    }
}
