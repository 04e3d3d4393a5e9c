package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignIn;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.oidc.ClaimType;
import com.claudioportal.members.MemberService;

/** Keycloak's organization claim grants staff membership in the matching tenant, in both claim shapes. */
@QuarkusTest
class OrganizationMembershipTest extends TenantTestBase {

    @Inject
    MemberService members;

    @Test
    void listShapeGrantsStaff() throws Exception {
        memberOfOrganizations("nurse-list@org.test", "[\"org-list-clinic\"]", ClaimType.JSON_ARRAY).run(() -> {
            String tenant = fixtures.tenantWithOrganization("Org List Clinic", Fixtures.email("admin"), "org-list-clinic");
            given().get("/t/" + tenant).then().statusCode(200).body(containsString("Staff"));
            Membership m = membership(tenant, "nurse-list@org.test");
            assertEquals(TenantRole.STAFF, m.role);
            assertEquals(Membership.Source.ORGANIZATION, m.source);
            given().redirects().follow(false).get("/").then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/t/" + tenant));
        });
    }

    @Test
    void mapShapeGrantsStaffAndRevocationSticks() throws Exception {
        memberOfOrganizations("nurse-map@org.test", "{\"org-map-clinic\": {\"id\": \"42\"}}", ClaimType.JSON_OBJECT).run(() -> {
            String tenant = firstVisitToTheTenantOf("org-map-clinic", 200);

            long granted = membership(tenant, "nurse-map@org.test").id;
            scope.run(tenant, () -> members.remove(granted));

            // the claim is still there, but the admin's removal wins
            given().get("/t/" + tenant).then().statusCode(404);
            Membership m = membership(tenant, "nurse-map@org.test");
            assertTrue(m.revoked);
        });
    }

    @Test
    void otherOrganizationsGrantNothing() throws Exception {
        memberOfOrganizations("stranger@org.test", "[\"some-other-org\"]", ClaimType.JSON_ARRAY).run(() -> {
            firstVisitToTheTenantOf("org-clinic-x", 404);
        });
    }

    /** {@code email}, signed in with the organization claim {@code organizations} in the shape {@code shape}. */
    private static SignIn memberOfOrganizations(String email, String organizations, ClaimType shape) {
        return SignIn.as(email).withClaim("organization", organizations, shape);
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
