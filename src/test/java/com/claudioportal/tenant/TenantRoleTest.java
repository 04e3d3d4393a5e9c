package com.claudioportal.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.Routes.Route;
import com.claudioportal.infra.WebClient;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Roles, checked on every route the portal has (enumerated, like the isolation test): members
 * get 403 where their role does not reach, anonymous visitors are sent to sign in, and every
 * route declares who may use it.
 */
@QuarkusTest
class TenantRoleTest {

    static final String AUDITOR = "auditor@roles.test";
    static final String STAFF = "staff@roles.test";

    @Inject
    Fixtures fixtures;

    String tenant;
    Map<String, String> ids;

    @BeforeEach
    void tenantWithEveryRole() {
        tenant = fixtures.tenant("Roles Clinic", Fixtures.email("admin"));
        fixtures.member(tenant, AUDITOR, TenantRole.AUDITOR);
        fixtures.member(tenant, STAFF, TenantRole.STAFF);
        long profile = fixtures.seedProfile(tenant);
        ids = Map.of("tenant", tenant, "memberId", String.valueOf(fixtures.membershipId(tenant, STAFF)),
                "profileId", String.valueOf(profile),
                "jobId", String.valueOf(fixtures.finishedJob(tenant, profile)),
                "batchKey", fixtures.batch(tenant, fixtures.finishedJob(tenant, profile)),
                "uploadId", fixtures.upload(tenant).toString(),
                "index", "0",
                "presetId", String.valueOf(fixtures.preset(tenant, "Dr. R", Map.of("specialist_name", "Dr. R"))));
    }

    @Test
    void everyRouteDeclaresWhoMayUseIt() {
        for (Route route : Routes.all()) {
            boolean declared = route.annotation(Authenticated.class) != null || route.annotation(RolesAllowed.class) != null
                    || route.annotation(PermitAll.class) != null;
            assertTrue(declared, route + " has no @Authenticated, @RolesAllowed or @PermitAll");
            if (route.isTenantRoute()) {
                assertNotNull(route.annotation(TenantRoles.class), route + " has no @TenantRoles");
                assertNotNull(route.annotation(Authenticated.class), route + " must require sign-in");
            }
        }
    }

    @Test
    @TestSecurity(user = AUDITOR)
    void auditorGets403WhereverTheRoleDoesNotReach() {
        assertForbiddenWhereRoleFallsShort(TenantRole.AUDITOR);
    }

    @Test
    @TestSecurity(user = STAFF)
    void staffGets403WhereverTheRoleDoesNotReach() {
        assertForbiddenWhereRoleFallsShort(TenantRole.STAFF);
    }

    @Test
    @TestSecurity(user = STAFF)
    void staffGets403OnPlatformAdministration() {
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            if (route.annotation(RolesAllowed.class) != null
                    && Arrays.asList(route.annotation(RolesAllowed.class).value()).contains(CurrentUser.PLATFORM_ADMIN_ROLE)) {
                String path = route.expand(name -> tenant);
                int status = WebClient.send(route.method(), path, "/t/" + tenant).statusCode();
                if (status != 403) {
                    failures.add(route + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void anonymousVisitorsAreSentToSignInOnEveryProtectedPage() {
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            if (route.annotation(PermitAll.class) != null || !route.method().equals("GET")) {
                continue;
            }
            String path = route.expand(name -> ids.getOrDefault(name, tenant));
            var response = given().redirects().follow(false).get(path);
            String location = response.header("Location");
            if (response.statusCode() != 302 || location == null || !location.contains("/authorize")) {
                failures.add(route + " answered " + response.statusCode() + " " + location);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    @TestSecurity(user = AUDITOR)
    void forbiddenPagesAreFriendly() {
        given().get("/t/" + tenant + "/admin/members").then().statusCode(403)
                .body(containsString("Not allowed"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    private void assertForbiddenWhereRoleFallsShort(TenantRole role) {
        List<String> failures = new ArrayList<>();
        int forbidden = 0;
        // reads first: some posts (delete, cancel) use up the records the reads need
        List<Route> routes = Routes.all().stream().sorted(java.util.Comparator.comparing(r -> !r.method().equals("GET"))).toList();
        for (Route route : routes) {
            if (!route.isTenantRoute()) {
                continue;
            }
            TenantRoles required = route.annotation(TenantRoles.class);
            String path = route.expand(ids::get);
            int status = WebClient.send(route.method(), path, "/t/" + tenant).statusCode();
            if (!role.grantsAny(required.value())) {
                forbidden++;
                if (status != 403) {
                    failures.add(route + " answered " + status + " to " + role);
                }
            } else if (status == 403 || status == 404) {
                failures.add(route + " refused " + role + " with " + status);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(forbidden > 0, "no route was off limits for " + role);
    }
}
