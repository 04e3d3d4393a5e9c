package com.claudioportal.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.claudioportal.audit.Audited;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.web.SeeOther;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Tenant admins create, import, edit (as new versions), export, disable and enable profiles. */
@Path("/t/{tenant}/admin/profiles")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    /** The list, within the tenant: where the answers go back to. */
    private static final String LIST = "/admin/profiles";

    /** A file of {@link ProfileJson#MAX_CHARS} characters, each up to 4 bytes in UTF-8: about 1 MB. */
    static final long MAX_IMPORT_BYTES = 4L * ProfileJson.MAX_CHARS;

    public static class ImportForm {
        @RestForm
        public String json;

        @RestForm
        public FileUpload file;
    }

    @CheckedTemplate(basePath = "profile")
    static class Templates {
        static native TemplateInstance list(List<Profile> profiles, String json, FormErrors errors);

        static native TemplateInstance edit(Profile profile, ProfileForm form, List<ProfileForm.Row> rows, FormErrors errors,
                List<ProfileVersion> versions, List<String> knownTypes, String turnaroundHours);
    }

    @Inject
    ProfileService profiles;

    @Inject
    SeeOther answer;

    @GET
    public TemplateInstance list() {
        return Templates.list(Profile.listAll(Sort.by("displayName")), "", FormErrors.none());
    }

    @POST
    @Path("import")
    @Audited(value = "profile.imported", target = "profile")
    public Response importJson(@BeanParam ImportForm form) throws IOException {
        String text = form.json;
        if (form.file != null && form.file.size() > 0) {
            if (form.file.size() > MAX_IMPORT_BYTES) {
                return importProblem(text, Words.of(AdminMessages.class).prof_file_too_large());
            }
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(form.file.uploadedFile())))
                        .toString();
            } catch (CharacterCodingException e) {
                return importProblem(text, Words.of(AdminMessages.class).prof_file_not_text());
            }
        }
        ProfileJson.Parsed parsed = ProfileJson.parse(text);
        if (!parsed.ok()) {
            return importProblem(text, parsed.problem());
        }
        Result<Long> saved = profiles.create(parsed.displayName(), parsed.content(), "profile.imported");
        if (!saved.ok()) {
            String first = saved.problem();
            return importProblem(text, Words.of(AdminMessages.class).prof_not_imported(first));
        }
        AdminMessages words = Words.of(AdminMessages.class);
        return answer.success(LIST + "/" + saved.value(), words.prof_imported(parsed.displayName(), parsed.content().fields().size())
                + (parsed.credentialsIgnored() ? " " + words.prof_credentials_ignored() : ""));
    }

    @GET
    @Path("new")
    public TemplateInstance newProfile() {
        return editor(null, ProfileForm.blank(), FormErrors.none());
    }

    @POST
    @Path("new")
    @Audited(value = "profile.created", target = "profile")
    public Response create(@BeanParam ProfileForm form) {
        return EditorSave.answer(form.applyRowAction(), errors -> editor(null, form, errors),
                () -> profiles.create(form.displayName, form.content(), "profile.created"), answer,
                () -> Words.of(AdminMessages.class).prof_created(form.displayName.trim()), id -> LIST + "/" + id);
    }

    @GET
    @Path("{profileId}")
    public TemplateInstance edit(@PathParam("profileId") long profileId) {
        Profile p = ProfileService.find(profileId);
        return editor(p, ProfileForm.of(p.displayName, p.currentVersion().content()), FormErrors.none());
    }

    @POST
    @Path("{profileId}")
    @Audited(value = "profile.updated", target = "profile", id = "profileId")
    public Response update(@PathParam("profileId") long profileId, @BeanParam ProfileForm form) {
        Profile p = ProfileService.find(profileId);
        return EditorSave.answer(form.applyRowAction(), errors -> editor(p, form, errors),
                () -> profiles.update(profileId, form.displayName, form.content()), answer,
                () -> Words.of(AdminMessages.class).prof_saved(form.displayName.trim()), none -> LIST + "/" + profileId);
    }

    @GET
    @Path("{profileId}/export")
    @Audited(value = "profile.exported", target = "profile", id = "profileId")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("profileId") long profileId) {
        Profile p = ProfileService.find(profileId);
        String filename = p.displayName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "") + ".json";
        return Response.ok(ProfileJson.export(p.displayName, p.currentVersion().content()), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + (filename.equals(".json") ? "profile.json" : filename) + "\"")
                .build();
    }

    @POST
    @Path("{profileId}/disable")
    @Audited(value = "profile.disabled", target = "profile", id = "profileId")
    public Response disable(@PathParam("profileId") long profileId) {
        return setEnabled(profileId, false);
    }

    @POST
    @Path("{profileId}/enable")
    @Audited(value = "profile.enabled", target = "profile", id = "profileId")
    public Response enable(@PathParam("profileId") long profileId) {
        return setEnabled(profileId, true);
    }

    /** Both routes (each audited as itself): back to the list, which says what was done. */
    private Response setEnabled(long profileId, boolean enabled) {
        String name = profiles.setEnabled(profileId, enabled);
        AdminMessages words = Words.of(AdminMessages.class);
        return answer.success(LIST, enabled ? words.prof_enabled_done(name) : words.prof_disabled_done(name));
    }

    private Response importProblem(String text, String problem) {
        return Response.status(400)
                .entity(Templates.list(Profile.listAll(Sort.by("displayName")), text, FormErrors.none().add("json", problem)))
                .build();
    }

    private TemplateInstance editor(Profile p, ProfileForm form, FormErrors errors, String turnaroundHours) {
        List<ProfileVersion> versions = p == null ? List.of()
                : ProfileVersion.list("profileId = ?1 order by versionNo desc", p.id);
        return Templates.edit(p, form, form.rows(errors), errors, versions, ProfileRules.KNOWN_TYPES,
                turnaroundHours == null && p != null ? hours(p.expectedTurnaroundMinutes) : turnaroundHours);
    }

    private TemplateInstance editor(Profile p, ProfileForm form, FormErrors errors) {
        return editor(p, form, errors, null);
    }

    /** The expected turnaround: jobs of this profile not finished by then are marked late. */
    @POST
    @Path("{profileId}/turnaround")
    @Audited(value = "profile.turnaround-changed", target = "profile", id = "profileId")
    public Response turnaround(@PathParam("profileId") long profileId, @RestForm String expectedTurnaroundHours) {
        Result<Integer> set = profiles.setTurnaround(profileId, expectedTurnaroundHours);
        if (!set.ok()) {
            Profile p = ProfileService.find(profileId);
            return Response.status(400).entity(editor(p, ProfileForm.of(p.displayName, p.currentVersion().content()), set.errors(),
                    expectedTurnaroundHours)).build();
        }
        return answer.success(LIST + "/" + profileId, Words.of(AdminMessages.class).prof_turnaround_done(expectedTurnaroundHours.trim()));
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.valueOf(Math.round(minutes / 6.0) / 10.0);
    }

}
