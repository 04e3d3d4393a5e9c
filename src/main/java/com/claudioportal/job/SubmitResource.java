package com.claudioportal.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.claudioportal.web.SeeOther;
import com.claudioportal.credentials.ClaudioConnection;
import com.claudioportal.profile.DocumentTypes;
import com.claudioportal.profile.Preset;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadConfig;
import com.claudioportal.upload.Sizes;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.TimeZoneChoice;
import com.claudioportal.forms.Words;
import com.claudioportal.upload.UploadService;
import com.claudioportal.audit.Audited;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Staff choose a profile and submit a job: the form is built from the profile's job_data. The form
 * may use the microphone (dictation in the browser); no other page may.
 */
@Path("/t/{tenant}/jobs/new")
@Authenticated
@TenantRoles(TenantRole.STAFF)
@Produces(MediaType.TEXT_HTML)
@MicrophoneAllowed
public class SubmitResource {

    /** This page, within the tenant. */
    private static final String NEW = "/jobs/new";

    /** The same form posted again within this time is a double click, answered with the job like the first post. */
    static final Duration DOUBLE_POST = Duration.ofSeconds(10);

    /** The day in a new job's suggested name: "3 Dec 2026", "3 déc. 2026". */
    private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    @CheckedTemplate(basePath = "job")
    static class Templates {
        static native TemplateInstance chooseProfile(List<Profile> profiles, boolean connectionReady);

        static native TemplateInstance submit(SubmitPage page, boolean connectionReady);
    }

    @Inject
    JobSubmission submission;

    @Inject
    TenantContext tenant;

    @Inject
    SeeOther answer;

    @Inject
    UploadConfig uploadConfig;

    @Inject
    UploadService uploads;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @GET
    public Response form(@QueryParam("profile") Long profileId) {
        if (profileId == null) {
            List<Profile> profiles = Profile.list("enabled", Sort.by("displayName"), true);
            if (profiles.size() == 1) {
                return answer.to(NEW + "?profile=" + profiles.get(0).id);
            }
            return Response.ok(Templates.chooseProfile(profiles, ClaudioConnection.current() != null)).build();
        }
        Profile profile = Profile.findById(profileId);
        if (profile == null || !profile.enabled) {
            throw new NotFoundException();
        }
        ProfileVersion version = profile.currentVersion();
        SubmitForm form = new SubmitForm();
        form.submissionKey = UUID.randomUUID().toString();
        form.jobName = defaultName(profile);
        form.isRaw = version.defaultIsRaw ? "1" : "0";
        version.fields().forEach(f -> form.values.put(f.key(), f.defaultValue() == null ? "" : f.defaultValue()));
        return Response.ok(Templates.submit(page(profile, version, form, FormErrors.none(), SubmitPage.Notices.none()),
                ClaudioConnection.current() != null)).build();
    }

    @POST
    @Audited(value = "job.submitted", target = "job")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted) {
        SubmitForm form = SubmitForm.read(posted);
        ProfileVersion version = form.version();
        Profile profile = Profile.findById(version.profileId);
        boolean ready = ClaudioConnection.current() != null;
        if ("apply-preset".equals(form.action)) {
            String status = applyPreset(form, version);
            return Response.ok(Templates.submit(page(profile, version, form, FormErrors.none(),
                    new SubmitPage.Notices(null, null, status, true)), ready)).build();
        }
        Result<JobSubmission.Submitted> outcome = submission.submitOnce(form, version);
        if (!outcome.ok()) {
            return Response.status(400).entity(Templates.submit(page(profile, version, form, outcome.errors(), SubmitPage.Notices.unsavedWork()),
                    ready)).build();
        }
        JobSubmission.Submitted submitted = outcome.value();
        if (submitted.alreadySubmitted()) {
            Job job = Job.findById(submitted.jobId());
            if (job.createdAt.isBefore(Instant.now().minus(DOUBLE_POST))) {
                // Back from the job, then submit again later: say so, make nothing new
                return Response.status(409).entity(Templates.submit(page(profile, version, form, FormErrors.none(),
                        new SubmitPage.Notices(job.id, job.name, null, false)), ready)).build();
            }
            // a double click: the browser shows the answer to the second post, which should be the job like the first
        }
        return answer.to(JobResource.path(submitted.jobId()));
    }

    /** Without JavaScript, "Fill in" posts the form; the chosen preset fills the fields staff left empty. */
    private static String applyPreset(SubmitForm form, ProfileVersion version) {
        if (form.presetId == null || form.presetId.isBlank()) {
            return null;
        }
        Preset preset;
        try {
            preset = Preset.findById(Long.parseLong(form.presetId));
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        if (preset == null) {
            throw new NotFoundException();
        }
        return PresetFill.apply(preset, version.fields(), form.values);
    }

    /** "IME – 3 Dec 2026": the profile and today, in the reader's language and on the reader's clock (not UTC's). */
    static String defaultName(Profile profile) {
        return profile.displayName + " \u2013 " + LocalDate.now(TimeZoneChoice.current()).format(NAME_DATE.withLocale(Words.locale()));
    }

    private SubmitPage page(Profile profile, ProfileVersion version, SubmitForm form, FormErrors errors, SubmitPage.Notices notices) {
        List<SubmitPage.FieldView> fields = new ArrayList<>();
        for (ProfileField f : version.fields()) {
            String value = form.values.getOrDefault(f.key(), "");
            fields.add(new SubmitPage.FieldView(f.key(), "f." + f.key(), JobSubmission.fieldAnchor(f), f.label(),
                    f.uiDesc(), FieldWidget.of(f).name(), f.required(), f.options(), value,
                    errors.get("f." + f.key()), PresetFill.fillable(f, value)));
        }
        List<SubmitPage.AudioView> audio = new ArrayList<>();
        for (int i = 0; i < form.audio.size(); i++) {
            SubmitForm.AudioInput in = form.audio.get(i);
            Upload u = Upload.waiting(in.uploadId());
            if (u != null) {
                audio.add(new SubmitPage.AudioView(audio.size(), u.id.toString(), u.originalFilename, u.sizeText(), u.durationSeconds,
                        u.durationSeconds == null ? null : Trim.format((long) Math.ceil(u.durationSeconds)),
                        tenant.address("/uploads/" + u.id + "/media"), in.start(), in.end(),
                        errors.get("audio[" + i + "].start"), errors.get("audio[" + i + "].end"),
                        u.soundNote(), Trim.note(u.durationSeconds, in.start(), in.end())));
            }
        }
        List<SubmitPage.DocumentView> documents = new ArrayList<>();
        for (int i = 0; i < form.documents.size(); i++) {
            SubmitForm.DocumentInput in = form.documents.get(i);
            Upload u = Upload.waiting(in.uploadId());
            if (u != null) {
                documents.add(new SubmitPage.DocumentView(documents.size(), u.id.toString(), u.originalFilename, u.sizeText(), in.docType(),
                        errors.get("document[" + i + "].docType")));
            }
        }
        List<Preset> presets = Preset.listAll(Sort.by("name"));
        Map<String, Map<String, String>> presetValues = new LinkedHashMap<>();
        presets.forEach(p -> presetValues.put(String.valueOf(p.id), p.values()));
        return new SubmitPage(profile, version, form.submissionKey, form.jobName == null ? "" : form.jobName, form.raw(), fields,
                audio, documents, DocumentTypes.options(version.docTypes()), presets, json.valueToTree(presetValues).toString(), form.presetId, errors,
                Sizes.human(uploadConfig.maxAudioBytes()), Sizes.human(uploadConfig.maxDocumentBytes()),
                uploadConfig.maxAudioBytes(), uploadConfig.maxDocumentBytes(), uploads.storageUse().text(),
                uploadConfig.maxConcurrentPerUser(),
                SubmitPage.Scheduling.of(form.priority, form.dueAt, profile.expectedTurnaround()),
                notices);
    }
}
