package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.SignIn;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.oidc.ClaimType;

/** Administration pages with {@code portal.identity.second-factor.required-for-admins} on, as in production. */
@QuarkusTest
@TestProfile(SecondFactorGateTest.SecondFactorRequired.class)
class SecondFactorGateTest extends TenantTestBase {

    public static class SecondFactorRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.identity.second-factor.required-for-admins", "true");
        }
    }

    static final String PLATFORM = "platform@second-factor.test";
    static final String ADMIN = "admin@second-factor.test";

    @Test
    void aPasswordOnlySignInIsSentBackToSignInAgainOnceThenRefused() throws Exception {
        platformAdminAt("1").run(() -> {
            given().redirects().follow(false).get("/platform/tenants?page=2").then().statusCode(303)
                    .header("Location", endsWith("/platform/tenants?page=2"))
                    .cookie(SecondFactorGate.ATTEMPT_COOKIE, notNullValue());
            // the identity provider came back without the second factor: no loop, a 403 page
            given().redirects().follow(false).cookie(SecondFactorGate.ATTEMPT_COOKIE, "1").get("/platform/tenants")
                    .then().statusCode(403);
            // a form post never starts a sign-in that would lose what was typed
            given().redirects().follow(false).formParam("name", "x").post("/platform/tenants").then().statusCode(403);
        });
    }

    @Test
    void theSecondFactorLevelOpensPlatformPages() throws Exception {
        platformAdminAt("otp").run(() -> {
            given().get("/platform/tenants").then().statusCode(200).body(containsString("Tenants"));
        });
    }

    @Test
    void aOneTimeCodeInTheMethodsAlsoCounts() throws Exception {
        platformAdminAt("1").withClaim("amr", "[\"pwd\",\"otp\"]", ClaimType.JSON_ARRAY).run(() -> {
            given().get("/platform/tenants").then().statusCode(200);
        });
    }

    @Test
    void tenantAdminsNeedItForAdministrationButNotForTheirOtherPages() throws Exception {
        tenantAdminAt("1").run(() -> {
            String tenant = fixtures.tenant("Second Factor Clinic", ADMIN);
            given().redirects().follow(false).get("/t/" + tenant + "/admin/members").then().statusCode(303)
                    .header("Location", endsWith("/t/" + tenant + "/admin/members"));
            given().redirects().follow(false).get("/t/" + tenant).then().statusCode(200);
            given().redirects().follow(false).get("/t/" + tenant + "/jobs").then().statusCode(200);
        });
    }

    @Test
    void tenantAdminsWithTheSecondFactorManageTheirTenant() throws Exception {
        tenantAdminAt("otp").run(() -> {
            String tenant = fixtures.tenant("Second Factor Clinic Two", ADMIN);
            given().get("/t/" + tenant + "/admin/members").then().statusCode(200);
        });
    }

    /** The platform admin, signed in at the authentication level {@code acr} (their e-mail address not said to be verified). */
    private static SignIn platformAdminAt(String acr) {
        return SignIn.asUnverified(PLATFORM, CurrentUser.PLATFORM_ADMIN_ROLE).withClaim("acr", acr, ClaimType.DEFAULT);
    }

    /** The tenant admin, signed in at the authentication level {@code acr}. */
    private static SignIn tenantAdminAt(String acr) {
        return SignIn.as(ADMIN).withClaim("acr", acr, ClaimType.DEFAULT);
    }

    @Test
    void onlyAdministrationPathsAreGated() {
        assertTrue(SecondFactorGate.isAdminPath("/platform"));
        assertTrue(SecondFactorGate.isAdminPath("/platform/encryption"));
        assertTrue(SecondFactorGate.isAdminPath("/t/maple/admin/connection"));
        assertFalse(SecondFactorGate.isAdminPath("/t/maple/audit"));
        assertFalse(SecondFactorGate.isAdminPath("/t/maple/jobs/new"));
        assertFalse(SecondFactorGate.isAdminPath("/t/admin/jobs"));
        assertFalse(SecondFactorGate.isAdminPath("/platformer"));
    }
}
