package com.claudioportal.members;

import java.util.Arrays;
import java.util.List;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.claudioportal.audit.Audited;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.FormValidator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;
import com.claudioportal.web.SeeOther;

/** Tenant admins manage who may use the tenant, and as what. */
@Path("/t/{tenant}/admin/members")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class MemberResource {

    static final Pattern ROLE_PATTERN = Pattern.compile("STAFF|TENANT_ADMIN|AUDITOR");

    public static class MemberForm {
        @RestForm
        public String email;

        @RestForm
        public String role = TenantRole.STAFF.name();

        FormErrors check() {
            return FormValidator.check()
                    .required("email", email, "portal.member.email.missing")
                    .email("email", email)
                    .required("role", role, "portal.role.missing")
                    .matches("role", role, ROLE_PATTERN, "portal.role.unknown")
                    .errors();
        }
    }

    public static class RoleForm {
        @RestForm
        public String role;

        FormErrors check() {
            return FormValidator.check()
                    .required("role", role, "portal.role.missing")
                    .matches("role", role, ROLE_PATTERN, "portal.role.unknown")
                    .errors();
        }
    }

    @CheckedTemplate(basePath = "members")
    static class Templates {
        static native TemplateInstance members(List<Membership> members, List<TenantRole> roles, MemberForm form,
                FormErrors errors, Long errorMemberId, FormErrors memberErrors);
    }

    @Inject
    MemberService members;

    @Inject
    SeeOther answer;

    @Inject
    TenantContext tenant;

    @GET
    public TemplateInstance list() {
        return page(new MemberForm(), FormErrors.none(), null, FormErrors.none());
    }

    @POST
    @Audited(value = "member.added", target = "member")
    public Response add(@BeanParam MemberForm form) {
        FormErrors errors = form.check();
        if (errors.isEmpty()) {
            errors = members.add(form.email, TenantRole.valueOf(form.role)).errors();
        }
        if (errors.any()) {
            return Response.status(400).entity(page(form, errors, null, FormErrors.none())).build();
        }
        return backToList(Words.of(AdminMessages.class).mem_added(form.email.trim().toLowerCase(), tenant.tenantName()));
    }

    @POST
    @Path("{memberId}/role")
    @Audited(value = "member.role-changed", target = "member", id = "memberId")
    public Response changeRole(@PathParam("memberId") long memberId, @BeanParam RoleForm form) {
        // the member is looked up before the form is judged: someone else's member id is a 404
        Result<MemberService.Member> outcome = members.changeRole(memberId,
                form.check().any() ? null : TenantRole.valueOf(form.role));
        if (!outcome.ok()) {
            return Response.status(400).entity(page(new MemberForm(), FormErrors.none(), memberId, outcome.errors())).build();
        }
        return backToList(Words.of(AdminMessages.class).mem_role_changed(outcome.value().email(), MemberService.roleWord(outcome.value().role())));
    }

    @POST
    @Path("{memberId}/remove")
    @Audited(value = "member.removed", target = "member", id = "memberId")
    public Response remove(@PathParam("memberId") long memberId) {
        Result<MemberService.Member> outcome = members.remove(memberId);
        if (!outcome.ok()) {
            return Response.status(400).entity(page(new MemberForm(), FormErrors.none(), memberId, outcome.errors())).build();
        }
        return backToList(Words.of(AdminMessages.class).mem_removed(outcome.value().email(), tenant.tenantName()));
    }

    private TemplateInstance page(MemberForm form, FormErrors errors, Long errorMemberId, FormErrors memberErrors) {
        List<Membership> all = Membership.list("revoked = false order by lower(coalesce(displayName, email))");
        return Templates.members(all, Arrays.asList(TenantRole.values()), form, errors, errorMemberId, memberErrors);
    }

    private Response backToList(String done) {
        return answer.success("/admin/members", done);
    }
}
