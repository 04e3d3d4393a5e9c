package com.claudioportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.Routes.Route;
import com.claudioportal.infra.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Tenant isolation, proven for every route the portal has: it enumerates the routes, so a new
 * page is covered as soon as it exists. A new path parameter needs one line in
 * {@link #foreignIds} saying which of tenant A's records to aim at.
 */
@QuarkusTest
class TenantIsolationTest {

    static final String OUTSIDER = "outsider@isolation.test";

    @Inject
    Fixtures fixtures;

    String tenantA;
    String tenantB;
    Map<String, String> foreignIds;

    @BeforeEach
    void twoTenants() {
        tenantA = fixtures.tenant("Isolation A", Fixtures.email("admin-a"));
        String staffA = Fixtures.email("staff-a");
        fixtures.member(tenantA, staffA, TenantRole.STAFF);
        // the outsider is tenant admin of B: the strongest role, in the wrong tenant
        tenantB = fixtures.tenant("Isolation B", OUTSIDER);
        long profileA = fixtures.seedProfile(tenantA);
        foreignIds = Map.of(
                "memberId", String.valueOf(fixtures.membershipId(tenantA, staffA)),
                "profileId", String.valueOf(profileA),
                "jobId", String.valueOf(fixtures.finishedJob(tenantA, profileA)),
                "batchKey", fixtures.batch(tenantA, fixtures.finishedJob(tenantA, profileA)),
                "uploadId", fixtures.upload(tenantA).toString(),
                "index", "0",
                "presetId", String.valueOf(fixtures.preset(tenantA, "Dr. A", Map.of("specialist_name", "Dr. A"))));
    }

    @Test
    void theRouteListIsNotEmpty() {
        List<Route> tenantRoutes = Routes.all().stream().filter(Route::isTenantRoute).toList();
        assertTrue(tenantRoutes.size() >= 5, "expected the tenant routes to be found, got " + tenantRoutes);
        assertTrue(tenantRoutes.stream().anyMatch(r -> r.template().equals("/t/{tenant}/admin/members/{memberId}/role")));
    }

    @Test
    @TestSecurity(user = OUTSIDER)
    void anotherTenantsIdInTheUrlGives404OnEveryTenantRoute() {
        List<String> failures = new ArrayList<>();
        for (Route route : tenantRoutes()) {
            String path = route.expand(name -> name.equals("tenant") ? tenantA : idFor(name, route));
            int status = WebClient.send(route.method(), path, "/t/" + tenantB).statusCode();
            if (status != 404) {
                failures.add(route + " as " + path + " answered " + status);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    @TestSecurity(user = OUTSIDER)
    void anotherTenantsRecordUnderYourOwnTenantGives404() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : tenantRoutes()) {
            if (route.params().size() < 2) {
                continue;
            }
            checked++;
            String path = route.expand(name -> name.equals("tenant") ? tenantB : idFor(name, route));
            int status = WebClient.send(route.method(), path, "/t/" + tenantB).statusCode();
            if (status != 404) {
                failures.add(route + " as " + path + " answered " + status);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 0, "no route with a record id was checked");
    }

    @Test
    @TestSecurity(user = OUTSIDER)
    void aTenantThatDoesNotExistGives404LikeAForeignOne() {
        for (Route route : tenantRoutes()) {
            if (route.method().equals("GET") && route.params().size() == 1) {
                assertEquals(404, WebClient.send("GET", route.expand(n -> "no-such-tenant"), "/t/" + tenantB).statusCode(),
                        route.toString());
            }
        }
    }

    private List<Route> tenantRoutes() {
        return Routes.all().stream().filter(Route::isTenantRoute).toList();
    }

    private String idFor(String param, Route route) {
        String id = foreignIds.get(param);
        if (id == null) {
            fail("Route " + route + " has the path parameter {" + param + "}: add one of tenant A's " + param
                    + " values to foreignIds in " + getClass().getSimpleName());
        }
        return id;
    }
}
