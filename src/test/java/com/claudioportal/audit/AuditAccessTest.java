package com.claudioportal.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may read which log: a tenant's auditors and admins read their tenant's, never another's
 * (not its pages, events, export or verification); staff read none; the platform admin reads the
 * platform's and any tenant's. Paging and filters return exactly the events asked for.
 */
@QuarkusTest
class AuditAccessTest extends TenantTestBase {

    static final String AUDITOR_A = "auditor@audit-a.test";
    static final String AUDITOR_B = "auditor@audit-b.test";
    static final String STAFF_A = "staff@audit-a.test";

    @Inject
    AuditTrail trail;

    String tenantA;
    String tenantB;
    long eventOfA;

    @BeforeEach
    void twoTenants() {
        tenantA = fixtures.tenant("Audit Access A", Fixtures.email("admin-a"));
        fixtures.member(tenantA, AUDITOR_A, TenantRole.AUDITOR);
        fixtures.member(tenantA, STAFF_A, TenantRole.STAFF);
        tenantB = fixtures.tenant("Audit Access B", Fixtures.email("admin-b"));
        fixtures.member(tenantB, AUDITOR_B, TenantRole.AUDITOR);
        scope.run(tenantA, () -> trail.record("member.added", "member", "only-in-a@audit-a.test", Map.of("role", "STAFF")));
        eventOfA = scope.call(tenantA, () -> AuditEvent.<AuditEvent> find("targetId", "only-in-a@audit-a.test").firstResult().id);
    }

    @Test
    @SignedInAs(AUDITOR_B)
    void oneTenantsAuditorNeverSeesAnothersEvents() {
        given().get("/t/" + tenantB + "/audit").then().statusCode(200)
                .body(containsString("Audit log of Audit Access B"))
                .body(not(containsString("only-in-a@audit-a.test")));
        given().get("/t/" + tenantB + "/audit/event?id=" + eventOfA).then().statusCode(404);
        given().get("/t/" + tenantA + "/audit").then().statusCode(404);
        given().get("/t/" + tenantA + "/audit/event?id=" + eventOfA).then().statusCode(404);
        given().get("/t/" + tenantA + "/audit/export").then().statusCode(404);
        assertEquals(404, WebClient.send("POST", "/t/" + tenantA + "/audit/verify", "/t/" + tenantB).statusCode());
        String csv = given().get("/t/" + tenantB + "/audit/export").then().statusCode(200).extract().asString();
        assertFalse(csv.contains("only-in-a@audit-a.test"));
        assertFalse(csv.contains(tenantA));
        assertTrue(csv.lines().skip(1).allMatch(l -> l.endsWith(",\"" + tenantB + "\"")), csv);
    }

    @Test
    @SignedInAs(AUDITOR_A)
    void anAuditorReadsTheirTenantsEventsAndTheDetailInWords() {
        given().get("/t/" + tenantA + "/audit").then().statusCode(200).body(containsString("only-in-a@audit-a.test"))
                .body(containsString("Member added"));
        given().get("/t/" + tenantA + "/audit/event?id=" + eventOfA).then().statusCode(200)
                .body(containsString("Member added")).body(containsString("Role</dt><dd class=\"col-sm-8 text-break\">Staff"))
                .body(not(containsString("{&quot;")));
    }

    @Test
    @SignedInAs(STAFF_A)
    void staffCannotReachTheAuditPages() {
        for (String path : List.of("/t/" + tenantA + "/audit", "/t/" + tenantA + "/audit/event?id=" + eventOfA,
                "/t/" + tenantA + "/audit/export", "/platform/audit", "/platform/audit/tenants/" + tenantA)) {
            given().get(path).then().statusCode(403);
        }
        assertEquals(403, WebClient.send("POST", "/t/" + tenantA + "/audit/verify", "/t/" + tenantA).statusCode());
    }

    @Test
    @SignedInAs(value = "platform@audit-access.test", roles = "platform-admin")
    void thePlatformAdminReadsAnyTenantsLogAndThePlatforms() {
        given().get("/platform/audit").then().statusCode(200).body(containsString("Audit Access A"))
                .body(containsString("may only add and read audit events"));
        given().get("/platform/audit/tenants/" + tenantA).then().statusCode(200).body(containsString("only-in-a@audit-a.test"));
        given().get("/platform/audit/tenants/" + tenantA + "/event?id=" + eventOfA).then().statusCode(200);
        given().get("/platform/audit/tenants/" + tenantB + "/event?id=" + eventOfA).then().statusCode(404);
        given().get("/platform/audit/tenants/no-such-tenant").then().statusCode(404);
        given().get("/platform/audit/platform").then().statusCode(200).body(containsString("Audit log of the platform"));
    }

    @Test
    @SignedInAs(AUDITOR_A)
    void pagesFollowOneAnotherWithoutGapsOrRepeatsAndFiltersNarrowThem() {
        for (int i = 0; i < 120; i++) {
            int n = i;
            scope.run(tenantA, () -> trail.write(AuditEntry.of(n % 3 == 0 ? "job.viewed" : "job.submitted").target("job", n % 7)
                    .outcome(n % 10 == 0 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS)));
        }
        long total = scope.call(tenantA, () -> AuditEvent.count());
        List<Long> seen = new java.util.ArrayList<>();
        String link = "/t/" + tenantA + "/audit";
        int pages = 0;
        while (link != null && pages++ < 10) {
            String html = given().get(link).then().statusCode(200).extract().asString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr data-seq=\"(\\d+)\"").matcher(html);
            while (m.find()) {
                seen.add(Long.parseLong(m.group(1)));
            }
            java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"([^\"]+)\" data-testid=\"older-events\"").matcher(html);
            link = older.find() ? older.group(1).replace("&amp;", "&") : null;
        }
        assertEquals(total, seen.size(), "every event once (the views recorded while paging come after the first page)");
        for (int i = 1; i < seen.size(); i++) {
            assertEquals(seen.get(i - 1) - 1, seen.get(i), "newest first, no gap");
        }
        String jobs = given().get("/t/" + tenantA + "/audit?job=3&outcome=FAILURE").then().statusCode(200).extract().asString();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("<tr data-seq=").matcher(jobs);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        // n with n % 7 == 3 and n % 10 == 0: 10, 80
        assertEquals(2, count, jobs);
        given().get("/t/" + tenantA + "/audit?group=ACCESS&before=" + seen.get(0)).then().statusCode(200)
                .body(not(containsString("Job submitted</td>")));
    }
}
