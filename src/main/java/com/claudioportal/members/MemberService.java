package com.claudioportal.members;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.Result;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.RoleMessages;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/** Adds, re-roles and removes members of the active tenant; every change is audited. */
@ApplicationScoped
public class MemberService {

    @Inject
    AuditTrail audit;

    /** Adds a member, or restores a revoked one; refused when the e-mail is already a member's. */
    @Transactional
    public Result<Member> add(String rawEmail, TenantRole role) {
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        Membership existing = Membership.find("email", email).firstResult();
        if (existing != null && !existing.revoked) {
            return Result.refused("email", Words.of(AdminMessages.class).mem_already(email, roleWord(existing.role)));
        }
        Membership m = existing != null ? existing : new Membership();
        m.email = email;
        m.role = role;
        m.revoked = false;
        m.updatedAt = Instant.now();
        if (existing == null) {
            m.source = Membership.Source.INVITED;
            m.persist();
        }
        audit.record("member.added", "member", email, Map.of("role", role.name()));
        return Result.done(new Member(email, role));
    }

    /** The member a change was made to: the e-mail, and the role they have now (or had, when removed). */
    public record Member(String email, TenantRole role) {
    }

    /** Changes a member's role ({@code null}: none chosen); refuses to leave the tenant without an admin. */
    @Transactional
    public Result<Member> changeRole(long memberId, TenantRole role) {
        Membership member = findActive(memberId);
        if (role == null) {
            return Result.refused("role", Words.of(AdminMessages.class).mem_choose_role());
        }
        return changeRole(member, role);
    }

    /** Removes a member of the active tenant (see {@link #remove(Membership)}). */
    @Transactional
    public Result<Member> remove(long memberId) {
        return remove(findActive(memberId));
    }

    @Transactional
    Result<Member> changeRole(Membership member, TenantRole role) {
        if (member.role == role) {
            return Result.done(new Member(member.email, role));
        }
        if (member.role == TenantRole.TENANT_ADMIN && isLastAdmin(member)) {
            return Result.refused("role", Words.of(AdminMessages.class).mem_last_admin(member.email));
        }
        TenantRole previous = member.role;
        member.role = role;
        member.updatedAt = Instant.now();
        audit.record("member.role-changed", "member", member.email, Map.of("from", previous.name(), "to", role.name()));
        return Result.done(new Member(member.email, role));
    }

    /**
     * Removes a member. Organization grants are revoked rather than deleted, otherwise the
     * person's next sign-in would grant them again.
     */
    @Transactional
    Result<Member> remove(Membership member) {
        if (member.role == TenantRole.TENANT_ADMIN && isLastAdmin(member)) {
            return Result.refused("member", Words.of(AdminMessages.class).mem_last_admin(member.email));
        }
        if (member.source == Membership.Source.ORGANIZATION) {
            member.revoked = true;
            member.updatedAt = Instant.now();
        } else {
            member.delete();
        }
        audit.record("member.removed", "member", member.email, Map.of("role", member.role.name()));
        return Result.done(new Member(member.email, member.role));
    }

    private static Membership findActive(long memberId) {
        Membership member = Membership.findById(memberId);
        if (member == null || member.revoked) {
            throw new NotFoundException();
        }
        return member;
    }

    private static boolean isLastAdmin(Membership member) {
        return Membership.count("role = ?1 and revoked = false and id <> ?2", TenantRole.TENANT_ADMIN, member.id) == 0;
    }

    /** A role in the reader's language (the words of the role_* messages the pages use). */
    static String roleWord(TenantRole role) {
        RoleMessages words = Words.of(RoleMessages.class);
        return switch (role) {
            case STAFF -> words.role_STAFF();
            case TENANT_ADMIN -> words.role_TENANT_ADMIN();
            case AUDITOR -> words.role_AUDITOR();
        };
    }
}
