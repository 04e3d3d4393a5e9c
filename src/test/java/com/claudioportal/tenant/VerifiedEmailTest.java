package com.claudioportal.tenant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.TestLogin;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Memberships are keyed by e-mail address, so an address the identity provider has not verified
 * opens nothing (the production default, which the tests keep): the person sees why, and every
 * tenant page is a 404 to them.
 */
@QuarkusTest
class VerifiedEmailTest extends TenantTestBase {

    static final String PERSON = "unverified@email.test";
    /**
     * Someone else for the verified case: memberships are bound to the subject on the first verified
     * use, after which that subject keeps them whatever a later token says about the e-mail.
     */
    static final String VERIFIED_PERSON = "verified@email.test";
    static final String EXPLANATION = "Your sign-in did not include a verified e-mail address";

    @TestHTTPResource("/")
    URL base;

    String tenant;

    @BeforeEach
    void aTenantThePersonBelongsTo() {
        tenant = fixtures.tenantWithMembers("Verified Clinic", PERSON, TenantRole.STAFF, VERIFIED_PERSON, TenantRole.STAFF);
    }

    @Test
    @TestSecurity(user = PERSON)
    @OidcSecurity(claims = { @Claim(key = "email", value = PERSON), @Claim(key = "email_verified", value = "false", type = ClaimType.BOOLEAN) })
    void anUnverifiedAddressOpensNoMembership() {
        given().get("/t/" + tenant).then().statusCode(404);
        given().redirects().follow(false).get("/").then().statusCode(200).body(containsString(EXPLANATION));
    }

    @Test
    @TestSecurity(user = PERSON)
    @OidcSecurity(claims = { @Claim(key = "email", value = PERSON) })
    void anAddressWithoutVerificationClaimOpensNoMembership() {
        given().get("/t/" + tenant).then().statusCode(404);
        given().redirects().follow(false).get("/").then().statusCode(200).body(containsString(EXPLANATION));
    }

    @Test
    @TestSecurity(user = VERIFIED_PERSON)
    @OidcSecurity(claims = { @Claim(key = "email", value = VERIFIED_PERSON), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void aVerifiedAddressOpensIt() {
        given().get("/t/" + tenant).then().statusCode(200);
        given().redirects().follow(false).get("/").then().statusCode(303);
    }

    /** Through the real sign-in: the identity provider says the address is not verified. */
    @Test
    void inTheBrowserThePersonIsToldWhy() {
        BrowserContext browser = Browsers.newContext();
        try {
            Page page = browser.newPage();
            TestLogin.signInUnverified(page, base.toString(), PERSON);
            assertThat(page.locator(".alert-warning")).containsText(EXPLANATION);
            Browsers.screenshot(page, "unverified-email");
            assertEquals(404, page.navigate(base + "t/" + tenant).status());
        } finally {
            browser.close();
        }
    }
}
