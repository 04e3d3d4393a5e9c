package com.claudioportal.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.TenantRole;

@QuarkusTest
class MemberServiceTest extends TenantTestBase {

    @Inject
    MemberService members;

    @Test
    void theLastTenantAdminCannotBeDemotedOrRemoved() {
        String admin = Fixtures.email("admin");
        String tenant = fixtures.tenant("Guard Clinic", admin);
        var demote = scope.call(tenant, () -> members.changeRole(find(admin).id, TenantRole.STAFF).errors());
        assertTrue(demote.get("role").contains("only one"));
        var remove = scope.call(tenant, () -> members.remove(find(admin).id).errors());
        assertTrue(remove.any());
        assertEquals(TenantRole.TENANT_ADMIN, scope.call(tenant, () -> find(admin).role));

        String second = Fixtures.email("admin2");
        fixtures.member(tenant, second, TenantRole.TENANT_ADMIN);
        assertTrue(scope.call(tenant, () -> members.changeRole(find(admin).id, TenantRole.STAFF).errors()).isEmpty());
        assertEquals(TenantRole.STAFF, scope.call(tenant, () -> find(admin).role));
    }

    @Test
    void addingAnExistingMemberIsExplainedAndEmailsAreNormalised() {
        String tenant = fixtures.tenant("Dup Clinic", Fixtures.email("admin"));
        assertTrue(scope.call(tenant, () -> members.add("  Pat@Clinic.TEST ", TenantRole.STAFF)).ok());
        var again = scope.call(tenant, () -> members.add("pat@clinic.test", TenantRole.AUDITOR).errors());
        assertTrue(again.get("email").contains("already a member"));
        assertEquals(TenantRole.STAFF, scope.call(tenant, () -> find("pat@clinic.test").role));
    }

    private static Membership find(String email) {
        return Membership.find("email", email).firstResult();
    }
}
