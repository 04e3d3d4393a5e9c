package com.claudioportal.profile;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.audit.Audited;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.web.SeeOther;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Tenant admins manage presets: saved field values staff pick on the submit form. */
@Path("/t/{tenant}/admin/presets")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class PresetResource {

    /** The list, within the tenant: where the answers go back to. */
    private static final String LIST = "/admin/presets";

    @CheckedTemplate(basePath = "profile")
    static class Templates {
        static native TemplateInstance presets(List<Preset> presets);

        static native TemplateInstance preset(Preset preset, PresetForm form, List<PresetForm.Row> rows, FormErrors errors,
                List<PresetService.FieldChoice> fields);
    }

    @Inject
    PresetService presets;

    @Inject
    SeeOther answer;

    @GET
    public TemplateInstance list() {
        return Templates.presets(Preset.listAll(Sort.by("name")));
    }

    @GET
    @Path("new")
    public TemplateInstance newPreset() {
        return editor(null, PresetForm.blank(), FormErrors.none());
    }

    @POST
    @Path("new")
    @Audited(value = "preset.created", target = "preset")
    public Response create(@BeanParam PresetForm form) {
        return save(null, null, form);
    }

    @GET
    @Path("{presetId}")
    public TemplateInstance edit(@PathParam("presetId") long presetId) {
        Preset p = PresetService.find(presetId);
        return editor(p, PresetForm.of(p), FormErrors.none());
    }

    @POST
    @Path("{presetId}")
    @Audited(value = "preset.updated", target = "preset", id = "presetId")
    public Response update(@PathParam("presetId") long presetId, @BeanParam PresetForm form) {
        return save(presetId, PresetService.find(presetId), form);
    }

    @POST
    @Path("{presetId}/delete")
    @Audited(value = "preset.deleted", target = "preset", id = "presetId")
    public Response delete(@PathParam("presetId") long presetId) {
        String name = presets.delete(presetId);
        return answer.success(LIST, Words.of(AdminMessages.class).preset_deleted(name));
    }

    private Response save(Long presetId, Preset existing, PresetForm form) {
        return EditorSave.answer(form.applyRowAction(), errors -> editor(existing, form, errors), () -> presets.save(presetId, form), answer,
                () -> Words.of(AdminMessages.class).preset_saved(form.name.trim()), id -> LIST);
    }

    private TemplateInstance editor(Preset preset, PresetForm form, FormErrors errors) {
        return Templates.preset(preset, form, form.rows(errors), errors, PresetService.fieldChoices(preset));
    }

}
