package com.claudioportal.platform;

import java.net.URI;
import java.util.List;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

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
import com.claudioportal.forms.Flash;
import com.claudioportal.forms.FormErrors;
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

    static final Pattern ALIAS_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");
    static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");

    public static class NewTenantForm {
        @RestForm
        public String name;

        @RestForm
        public String id;

        @RestForm
        public String organizationAlias;

        @RestForm
        public String firstAdminEmail;

        FormErrors check() {
            return PlatformTenantResource.check(name, id, organizationAlias, firstAdminEmail, true);
        }
    }

    public static class EditTenantForm {
        @RestForm
        public String name;

        @RestForm
        public String organizationAlias;

        FormErrors check() {
            return PlatformTenantResource.check(name, null, organizationAlias, null, false);
        }
    }

    /**
     * Both forms' checks, in the order of the create form's fields (so its error summary reads top
     * to bottom); the edit form has no id and no first admin.
     */
    static FormErrors check(String name, String id, String organizationAlias, String firstAdminEmail, boolean creating) {
        FormValidator v = FormValidator.check()
                .required("name", name, "portal.tenant.name.missing")
                .plainText("name", name, 120);
        if (creating) {
            v.required("id", id, "portal.tenant.id.missing").matches("id", id, ID_PATTERN, "portal.tenant.id.invalid");
        }
        v.matches("organizationAlias", organizationAlias, ALIAS_PATTERN, "portal.tenant.alias.invalid");
        if (creating) {
            v.required("firstAdminEmail", firstAdminEmail, "portal.tenant.admin.missing").email("firstAdminEmail", firstAdminEmail);
        }
        return v.errors();
    }

    @CheckedTemplate(basePath = "platform")
    static class Templates {
        static native TemplateInstance platformTenants(List<Tenant> tenants, NewTenantForm form, FormErrors errors);

        static native TemplateInstance platformTenantEdit(Tenant tenant, EditTenantForm form, FormErrors errors);
    }

    @Inject
    PlatformTenantService service;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return Templates.platformTenants(Tenant.listAll(io.quarkus.panache.common.Sort.by("name")), new NewTenantForm(), FormErrors.none());
    }

    @POST
    @Audited(value = "tenant.created", target = "tenant")
    public Response create(@BeanParam NewTenantForm form) {
        FormErrors errors = form.check();
        if (errors.isEmpty()) {
            errors = service.create(form.id, form.name, form.organizationAlias, form.firstAdminEmail).errors();
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
        FormErrors errors = form.check();
        if (errors.isEmpty()) {
            errors = service.update(id, form.name, form.organizationAlias).errors();
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
        return setEnabled(id, false);
    }

    @POST
    @Path("{id}/enable")
    @Audited(value = "tenant.enabled", target = "tenant", id = "id", chainParam = "id")
    public Response enable(@PathParam("id") String id) {
        return setEnabled(id, true);
    }

    /** Both routes (each audited as itself). */
    private Response setEnabled(String id, boolean enabled) {
        String name = service.setEnabled(id, enabled);
        AdminMessages words = Words.of(AdminMessages.class);
        return backToTenants(enabled ? words.plat_enabled_done(name) : words.plat_disabled_done(name));
    }

    /** After a change: back to the tenant list, which says what was done. */
    private Response backToTenants(String success) {
        flash.success(success);
        return Response.seeOther(URI.create("/platform/tenants")).build();
    }
}
