package com.claudioportal.members;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import com.claudioportal.forms.Flash;
import com.claudioportal.forms.FormErrors;
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

/** Tenant admins manage who may use the tenant, and as what. */
@Path("/t/{tenant}/admin/members")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class MemberResource {

    static final String ROLE_PATTERN = "STAFF|TENANT_ADMIN|AUDITOR";

    public static class MemberForm {
        @RestForm
        @NotBlank(message = "{portal.member.email.missing}")
        @Email(message = "{portal.email.invalid}")
        @Size(max = 320, message = "{portal.email.too-long}")
        public String email;

        @RestForm
        @NotBlank(message = "{portal.role.missing}")
        @Pattern(regexp = ROLE_PATTERN, message = "{portal.role.unknown}")
        public String role = TenantRole.STAFF.name();
    }

    public static class RoleForm {
        @RestForm
        @NotBlank(message = "{portal.role.missing}")
        @Pattern(regexp = ROLE_PATTERN, message = "{portal.role.unknown}")
        public String role;
    }

    @CheckedTemplate(basePath = "members")
    static class Templates {
        static native TemplateInstance members(List<Membership> members, List<TenantRole> roles, MemberForm form,
                FormErrors errors, Long errorMemberId, FormErrors memberErrors);
    }

    @Inject
    MemberService members;

    @Inject
    FormValidator validator;

    @Inject
    Flash flash;

    @Inject
    TenantContext tenant;

    @GET
    public TemplateInstance list() {
        return page(new MemberForm(), FormErrors.none(), null, FormErrors.none());
    }

    @POST
    @Audited(value = "member.added", target = "member")
    public Response add(@BeanParam MemberForm form) {
        FormErrors errors = validator.validate(form);
        if (errors.isEmpty()) {
            errors = members.add(form.email, TenantRole.valueOf(form.role));
        }
        if (errors.any()) {
            return Response.status(400).entity(page(form, errors, null, FormErrors.none())).build();
        }
        flash.success(Words.of(AdminMessages.class).mem_added(form.email.trim().toLowerCase(), tenant.tenantName()));
        return backToList();
    }

    @POST
    @Path("{memberId}/role")
    @Audited(value = "member.role-changed", target = "member", id = "memberId")
    public Response changeRole(@PathParam("memberId") long memberId, @BeanParam RoleForm form) {
        // the member is looked up before the form is judged: someone else's member id is a 404
        MemberService.Outcome outcome = members.changeRole(memberId,
                validator.validate(form).any() ? null : TenantRole.valueOf(form.role));
        if (outcome.errors().any()) {
            return Response.status(400).entity(page(new MemberForm(), FormErrors.none(), memberId, outcome.errors())).build();
        }
        flash.success(Words.of(AdminMessages.class).mem_role_changed(outcome.email(), MemberService.roleWord(outcome.role())));
        return backToList();
    }

    @POST
    @Path("{memberId}/remove")
    @Audited(value = "member.removed", target = "member", id = "memberId")
    public Response remove(@PathParam("memberId") long memberId) {
        MemberService.Outcome outcome = members.remove(memberId);
        if (outcome.errors().any()) {
            return Response.status(400).entity(page(new MemberForm(), FormErrors.none(), memberId, outcome.errors())).build();
        }
        flash.success(Words.of(AdminMessages.class).mem_removed(outcome.email(), tenant.tenantName()));
        return backToList();
    }

    private TemplateInstance page(MemberForm form, FormErrors errors, Long errorMemberId, FormErrors memberErrors) {
        List<Membership> all = Membership.list("revoked = false order by lower(coalesce(displayName, email))");
        return Templates.members(all, Arrays.asList(TenantRole.values()), form, errors, errorMemberId, memberErrors);
    }

    private Response backToList() {
        return Response.seeOther(URI.create("/t/" + tenant.tenantId() + "/admin/members")).build();
    }
}
