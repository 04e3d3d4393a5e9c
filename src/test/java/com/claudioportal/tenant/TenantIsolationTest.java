package com.claudioportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.Routes;
import com.claudioportal.infra.Routes.Route;
import com.claudioportal.infra.WebClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Tenant isolation, proven for every route the portal has: it enumerates the routes, so a new
 * page is covered as soon as it exists. A new path parameter needs one line in
 * {@link Fixtures#routeIds} saying which record to aim at. Every 404 has a positive control: the same request
 * with the person's own tenant and records must not be a 404, so a route that always answers
 * 404 cannot pass.
 */
@QuarkusTest
class TenantIsolationTest extends TenantTestBase {

    static final String OUTSIDER = "outsider@isolation.test";

    /** The tenant routes there are today (TenantRoleTest's table lists them); a new one raises it. */
    static final int TENANT_ROUTES = 60;

    String tenantA;
    String tenantB;
    Map<String, String> foreignIds;
    Map<String, String> ownIds;

    @BeforeEach
    void twoTenants() {
        String adminA = Fixtures.email("admin-a");
        tenantA = fixtures.tenant("Isolation A", adminA);
        // the outsider is tenant admin of B: the strongest role, in the wrong tenant
        tenantB = fixtures.tenant("Isolation B", OUTSIDER);
        foreignIds = fixtures.routeIds(tenantA, adminA);
        // notifications are their recipient's only, so the own one is the outsider's
        ownIds = fixtures.routeIds(tenantB, OUTSIDER);
    }

    @Test
    void everyTenantRouteIsFound() {
        List<Route> tenantRoutes = tenantRoutes();
        assertTrue(tenantRoutes.size() >= TENANT_ROUTES, "expected at least " + TENANT_ROUTES + " tenant routes, got "
                + tenantRoutes.size() + ": " + tenantRoutes);
        assertTrue(tenantRoutes.stream().anyMatch(r -> r.template().equals("/t/{tenant}/admin/members/{memberId}/role")));
    }

    @Test
    @SignedInAs(OUTSIDER)
    void anotherTenantsIdInTheUrlGives404OnEveryTenantRoute() {
        assertEquals(List.of(), foreignRequestsNot404(tenantRoutes(), tenantA));
    }

    @Test
    @SignedInAs(OUTSIDER)
    void anotherTenantsRecordUnderYourOwnTenantGives404() {
        List<Route> withARecord = tenantRoutes().stream().filter(route -> route.params().size() >= 2).toList();
        assertEquals(List.of(), foreignRequestsNot404(withARecord, tenantB));
        assertTrue(withARecord.size() >= 21, "routes with a record id checked: " + withARecord.size());
    }

    @Test
    @SignedInAs(OUTSIDER)
    void aTenantThatDoesNotExistGives404LikeAForeignOne() {
        List<String> failures = new ArrayList<>();
        for (Route route : tenantRoutes()) {
            if (route.method().equals("GET") && route.params().size() == 1) {
                int status = WebClient.send("GET", route.expand(n -> "no-such-tenant"), "/t/" + tenantB).statusCode();
                int own = WebClient.send("GET", route.expand(n -> tenantB), "/t/" + tenantB).statusCode();
                if (status != 404 || own == 404 || own >= 500) {
                    failures.add(route + ": " + status + " for a tenant that does not exist, " + own + " for the own tenant");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Each route with tenant A's records under {@code tenant}, by the outsider: what did not answer 404, and each
     * route's own-records control that did.
     */
    private List<String> foreignRequestsNot404(List<Route> routes, String tenant) {
        List<String> failures = new ArrayList<>();
        WebClient.Csrf csrf = WebClient.csrf("/t/" + tenantB);
        for (Route route : routes) {
            String foreign = route.expand(name -> name.equals("tenant") ? tenant : idFor(foreignIds, name, route));
            int status = WebClient.send(route.method(), foreign, csrf, Map.of()).statusCode();
            if (status != 404) {
                failures.add(route + " as " + foreign + " answered " + status);
            }
            ownRequestIsNot404(route, csrf, failures);
        }
        return failures;
    }

    /** The positive control: the same request in the person's own tenant with their own records. */
    private void ownRequestIsNot404(Route route, WebClient.Csrf csrf, List<String> failures) {
        String own = route.expand(name -> name.equals("tenant") ? tenantB : idFor(ownIds, name, route));
        int status = WebClient.send(route.method(), own, csrf, Map.of()).statusCode();
        if (status == 404 || status >= 500) {
            failures.add(route + " as " + own + " (own tenant, own records) answered " + status);
        }
    }

    /** Reads first, then changes, removals last: each own request still finds the records it names. */
    private List<Route> tenantRoutes() {
        return Routes.all().stream().filter(Route::isTenantRoute)
                .sorted(Comparator.comparing((Route r) -> !r.method().equals("GET"))
                        .thenComparing(r -> r.template().matches(".*/(remove|delete|disable)$")))
                .toList();
    }

    private String idFor(Map<String, String> ids, String param, Route route) {
        String id = ids.get(param);
        if (id == null) {
            fail("Route " + route + " has the path parameter {" + param + "}: add a " + param
                    + " value to " + Fixtures.class.getSimpleName() + ".routeIds");
        }
        return id;
    }
}
