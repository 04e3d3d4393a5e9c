package com.claudioportal.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditEvent;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantRole;

@QuarkusTest
class PlatformTenantTest extends TenantTestBase {

    static final String PLATFORM = "platform@platform.test";

    @Test
    @SignedInAs(value = PLATFORM, roles = CurrentUser.PLATFORM_ADMIN_ROLE)
    void createsATenantWithItsFirstAdminAndAuditsIt() {
        String id = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        post("/platform/tenants", "name", "Willow Clinic", "id", id, "organizationAlias", "", "firstAdminEmail", "Boss@Willow.test")
                .then().statusCode(303);

        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertEquals("Willow Clinic", tenant.name);
        Membership admin = scope.call(id, () -> Membership.<Membership> find("email", "boss@willow.test").firstResult());
        assertEquals(TenantRole.TENANT_ADMIN, admin.role);
        AuditEvent created = scope.call(id, () -> AuditEvent.<AuditEvent> find("action", "tenant.created").firstResult());
        assertEquals(PLATFORM, created.actor);
        given().get("/platform/tenants").then().statusCode(200).body(containsString("Willow Clinic"));
    }

    @Test
    @SignedInAs(value = PLATFORM, roles = CurrentUser.PLATFORM_ADMIN_ROLE)
    void badInputIsExplainedAndNothingIsWritten() {
        String existing = fixtures.tenant("Existing Clinic", Fixtures.email("admin"));
        Response response = post("/platform/tenants", "name", "Copy Clinic", "id", existing, "organizationAlias", "",
                "firstAdminEmail", "not-an-email");
        response.then().statusCode(400)
                .body(containsString("Enter a valid e-mail address"))
                .body(containsString("value=\"Copy Clinic\""));

        response = post("/platform/tenants", "name", "Copy Clinic", "id", existing, "organizationAlias", "",
                "firstAdminEmail", "ok@copy.test");
        response.then().statusCode(400).body(containsString("already exists"));
        assertEquals("Existing Clinic", QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(existing).name));

        post("/platform/tenants", "name", "", "id", "Bad Id!", "organizationAlias", "", "firstAdminEmail", "")
                .then().statusCode(400)
                .body(containsString("Enter the clinic&#39;s name."))
                .body(containsString("lower-case letters"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Tenant.findById("Bad Id!")));
    }

    @Test
    @SignedInAs(value = PLATFORM, roles = CurrentUser.PLATFORM_ADMIN_ROLE)
    void renamesAndDisables() {
        String id = fixtures.tenant("Old Name", Fixtures.email("admin"));
        post("/platform/tenants/" + id, "name", "New Name", "organizationAlias", "new-org").then().statusCode(303);
        post("/platform/tenants/" + id + "/disable").then().statusCode(303);
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertEquals("New Name", tenant.name);
        assertEquals("new-org", tenant.organizationAlias);
        assertFalse(tenant.enabled);
        given().get("/platform/tenants/no-such-tenant").then().statusCode(404);
    }

    @Test
    @SignedInAs("member@disabled.test")
    void membersOfADisabledTenantAreToldWhy() {
        String id = fixtures.tenant("Paused Clinic", "member@disabled.test");
        QuarkusTransaction.requiringNew().run(() -> Tenant.<Tenant> findById(id).enabled = false);
        given().get("/t/" + id).then().statusCode(403).body(containsString("Paused Clinic has been disabled"));
    }

    private static Response post(String path, String... formPairs) {
        Response page = given().get("/platform/tenants");
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        var spec = given().redirects().follow(false).cookie("portal-csrf", page.getCookie("portal-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
        for (int i = 0; i < formPairs.length; i += 2) {
            spec = spec.formParam(formPairs[i], formPairs[i + 1]);
        }
        return spec.post(path);
    }
}
