package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import com.claudioportal.members.MemberService;

/** Keycloak's organization claim grants staff membership in the matching tenant, in both claim shapes. */
@QuarkusTest
class OrganizationMembershipTest extends TenantTestBase {

    @Inject
    MemberService members;

    @Test
    @TestSecurity(user = "nurse-list@org.test")
    @OidcSecurity(claims = {
            @Claim(key = "email", value = "nurse-list@org.test"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"org-list-clinic\"]", type = ClaimType.JSON_ARRAY) })
    void listShapeGrantsStaff() {
        String tenant = fixtures.tenantWithOrganization("Org List Clinic", Fixtures.email("admin"), "org-list-clinic");
        given().get("/t/" + tenant).then().statusCode(200).body(containsString("Staff"));
        Membership m = membership(tenant, "nurse-list@org.test");
        assertEquals(TenantRole.STAFF, m.role);
        assertEquals(Membership.Source.ORGANIZATION, m.source);
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/t/" + tenant));
    }

    @Test
    @TestSecurity(user = "nurse-map@org.test")
    @OidcSecurity(claims = {
            @Claim(key = "email", value = "nurse-map@org.test"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "{\"org-map-clinic\": {\"id\": \"42\"}}", type = ClaimType.JSON_OBJECT) })
    void mapShapeGrantsStaffAndRevocationSticks() {
        String tenant = firstVisitToTheTenantOf("org-map-clinic", 200);

        long granted = membership(tenant, "nurse-map@org.test").id;
        scope.run(tenant, () -> members.remove(granted));

        // the claim is still there, but the admin's removal wins
        given().get("/t/" + tenant).then().statusCode(404);
        Membership m = membership(tenant, "nurse-map@org.test");
        assertTrue(m.revoked);
    }

    @Test
    @TestSecurity(user = "stranger@org.test")
    @OidcSecurity(claims = {
            @Claim(key = "email", value = "stranger@org.test"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"some-other-org\"]", type = ClaimType.JSON_ARRAY) })
    void otherOrganizationsGrantNothing() {
        firstVisitToTheTenantOf("org-clinic-x", 404);
    }

    /** A new tenant of the organization {@code alias}, its page opened once by the person signed in, answering {@code status}. */
    private String firstVisitToTheTenantOf(String alias, int status) {
        String tenant = fixtures.tenantWithOrganization("Org Clinic " + alias, Fixtures.email("admin"), alias);
        given().get("/t/" + tenant).then().statusCode(status);
        return tenant;
    }

    private Membership membership(String tenant, String email) {
        return scope.call(tenant, () -> Membership.<Membership> find("email", email).firstResult());
    }
}
