package com.claudioportal.platform;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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
import com.claudioportal.forms.PlainText;
import com.claudioportal.forms.FormValidator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/** The platform administrator creates, renames, disables and re-enables tenants. */
@Path("/platform/tenants")
@RolesAllowed(CurrentUser.PLATFORM_ADMIN_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PlatformTenantResource {

    static final String ALIAS_PATTERN = "^$|^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$";
    static final String ALIAS_MESSAGE = "{portal.tenant.alias.invalid}";

    public static class NewTenantForm {
        @RestForm
        @NotBlank(message = "{portal.tenant.name.missing}")
        @PlainText(max = 120)
        public String name;

        @RestForm
        @NotBlank(message = "{portal.tenant.id.missing}")
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$",
                message = "{portal.tenant.id.invalid}")
        public String id;

        @RestForm
        @Pattern(regexp = ALIAS_PATTERN, message = ALIAS_MESSAGE)
        public String organizationAlias;

        @RestForm
        @NotBlank(message = "{portal.tenant.admin.missing}")
        @Email(message = "{portal.email.invalid}")
        @Size(max = 320, message = "{portal.email.too-long}")
        public String firstAdminEmail;
    }

    public static class EditTenantForm {
        @RestForm
        @NotBlank(message = "{portal.tenant.name.missing}")
        @PlainText(max = 120)
        public String name;

        @RestForm
        @Pattern(regexp = ALIAS_PATTERN, message = ALIAS_MESSAGE)
        public String organizationAlias;
    }

    @CheckedTemplate(basePath = "platform")
    static class Templates {
        static native TemplateInstance platformTenants(List<Tenant> tenants, NewTenantForm form, FormErrors errors);

        static native TemplateInstance platformTenantEdit(Tenant tenant, EditTenantForm form, FormErrors errors);
    }

    @Inject
    PlatformTenantService service;

    @Inject
    FormValidator validator;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return Templates.platformTenants(Tenant.listAll(io.quarkus.panache.common.Sort.by("name")), new NewTenantForm(), FormErrors.none());
    }

    @POST
    @Audited(value = "tenant.created", target = "tenant")
    public Response create(@BeanParam NewTenantForm form) {
        FormErrors errors = validator.validate(form);
        if (errors.isEmpty()) {
            errors = service.create(form.id, form.name, form.organizationAlias, form.firstAdminEmail);
        }
        if (errors.any()) {
            return Response.status(400)
                    .entity(Templates.platformTenants(Tenant.listAll(io.quarkus.panache.common.Sort.by("name")), form, errors))
                    .build();
        }
        return backToTenants(Words.of(AdminMessages.class).plat_created(form.name.trim(), form.firstAdminEmail.trim()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") String id) {
        Tenant tenant = PlatformTenantService.find(id);
        EditTenantForm form = new EditTenantForm();
        form.name = tenant.name;
        form.organizationAlias = tenant.organizationAlias;
        return Templates.platformTenantEdit(tenant, form, FormErrors.none());
    }

    @POST
    @Path("{id}")
    @Audited(value = "tenant.updated", target = "tenant", id = "id", chainParam = "id")
    public Response update(@PathParam("id") String id, @BeanParam EditTenantForm form) {
        Tenant tenant = PlatformTenantService.find(id);
        FormErrors errors = validator.validate(form);
        if (errors.isEmpty()) {
            errors = service.update(id, form.name, form.organizationAlias);
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.platformTenantEdit(tenant, form, errors)).build();
        }
        return backToTenants(Words.of(AdminMessages.class).plat_saved(form.name.trim()));
    }

    @POST
    @Path("{id}/disable")
    @Audited(value = "tenant.disabled", target = "tenant", id = "id", chainParam = "id")
    public Response disable(@PathParam("id") String id) {
        String name = service.setEnabled(id, false);
        return backToTenants(Words.of(AdminMessages.class).plat_disabled_done(name));
    }

    @POST
    @Path("{id}/enable")
    @Audited(value = "tenant.enabled", target = "tenant", id = "id", chainParam = "id")
    public Response enable(@PathParam("id") String id) {
        String name = service.setEnabled(id, true);
        return backToTenants(Words.of(AdminMessages.class).plat_enabled_done(name));
    }

    /** After a change: back to the tenant list, which says what was done. */
    private Response backToTenants(String success) {
        flash.success(success);
        return Response.seeOther(URI.create("/platform/tenants")).build();
    }
}
