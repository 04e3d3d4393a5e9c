package com.claudioportal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.claudioportal.web.SeeOther;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.credentials.ClaudioConnection;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.profile.Preset;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.upload.Sizes;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadConfig;
import com.claudioportal.upload.UploadService;
import com.claudioportal.audit.Audited;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * New jobs from many recordings: staff pick one profile and preset, drop up to 50 recordings and
 * get one job per recording ({@link BulkSubmission}); the batch page lists the jobs with their
 * progress.
 */
@Path("/t/{tenant}/jobs/bulk")
@Authenticated
@TenantRoles(TenantRole.STAFF)
@Produces(MediaType.TEXT_HTML)
public class BulkResource {

    /** This page, within the tenant. */
    private static final String BULK = "/jobs/bulk";

    /** The jobs of one batch, oldest first; {@code live} while any of them still moves. */
    public record BatchView(UUID batchKey, List<BatchJob> jobs, boolean live) {
    }

    public record BatchJob(Job job, String recording) {
    }

    @CheckedTemplate(basePath = "job")
    static class Templates {
        static native TemplateInstance bulk(BulkPage page, boolean connectionReady);

        static native TemplateInstance batch(BatchView view);

        static native TemplateInstance batchProgress(BatchView view);
    }

    @Inject
    BulkSubmission bulk;

    @Inject
    UploadConfig uploadConfig;

    @Inject
    UploadService uploads;

    @Inject
    SeeOther answer;

    @GET
    public TemplateInstance form(@QueryParam("profile") String profileId, @QueryParam("preset") String presetId) {
        List<Profile> profiles = Profile.list("enabled", Sort.by("displayName"), true);
        Profile profile = profileId == null || profileId.isBlank() ? (profiles.size() == 1 ? profiles.get(0) : null) : profile(profileId);
        Preset preset = preset(presetId);
        BulkForm form = new BulkForm();
        form.batchKey = UUID.randomUUID().toString();
        if (profile != null) {
            form.isRaw = profile.currentVersion().defaultIsRaw ? "1" : "0";
        }
        return Templates.bulk(page(profiles, profile, profile == null ? null : profile.currentVersion(), preset, form, FormErrors.none(), false),
                ClaudioConnection.current() != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(value = "job.submitted", target = "job")
    public Response submit(MultivaluedMap<String, String> posted) {
        BulkForm form = BulkForm.read(posted);
        ProfileVersion version = form.version();
        Profile profile = Profile.findById(version.profileId);
        Preset preset = preset(form.presetId);
        Result<BulkSubmission.Batch> outcome = bulk.submit(form, version, preset);
        BulkSubmission.Batch batch = outcome.value();
        if (batch != null && !batch.jobIds().isEmpty()) {
            int made = batch.jobIds().size() - batch.madeBefore();
            JobMessages words = Words.of(JobMessages.class);
            String text = made == 0 ? words.bulk_made_before() : words.bulk_made(made, batch.madeBefore());
            String batchPage = BULK + "/" + form.batchKey;
            if (outcome.errors().any()) {
                return answer.problem(batchPage, text + " " + words.bulk_others_not() + " " + String.join(" ", outcome.errors().all().values()));
            }
            return answer.success(batchPage, text);
        }
        List<Profile> profiles = Profile.list("enabled", Sort.by("displayName"), true);
        return Response.status(400).entity(Templates.bulk(page(profiles, profile, version, preset, form, outcome.errors(), true),
                ClaudioConnection.current() != null)).build();
    }

    @GET
    @Path("{batchKey}")
    public TemplateInstance batch(@PathParam("batchKey") UUID batchKey) {
        return Templates.batch(view(batchKey));
    }

    /** The live part of the batch page, polled while jobs move. */
    @GET
    @Path("{batchKey}/progress")
    public TemplateInstance progress(@PathParam("batchKey") UUID batchKey) {
        return Templates.batchProgress(view(batchKey));
    }

    private static BatchView view(UUID batchKey) {
        List<Job> jobs = Job.list("batchKey = ?1 order by id", batchKey);
        if (jobs.isEmpty()) {
            throw new NotFoundException();
        }
        List<BatchJob> rows = new ArrayList<>();
        for (Job job : jobs) {
            JobFile file = JobFile.find("jobId = ?1 order by position", job.id).firstResult();
            rows.add(new BatchJob(job, file == null ? "" : file.originalFilename));
        }
        return new BatchView(batchKey, rows, jobs.stream().anyMatch(j -> j.status.isLive()));
    }

    private BulkPage page(List<Profile> profiles, Profile profile, ProfileVersion version, Preset preset, BulkForm form,
            FormErrors errors, boolean unsaved) {
        List<Preset> presets = Preset.listAll(Sort.by("name"));
        List<SubmitPage.FieldView> asked = new ArrayList<>();
        List<BulkPage.Shared> shared = new ArrayList<>();
        List<BulkPage.Row> rows = new ArrayList<>();
        if (version != null) {
            Map<String, String> values = BulkSubmission.sharedValues(version, preset, form.values);
            for (ProfileField f : version.fields()) {
                String value = values.get(f.key());
                // asked once: what the preset and the defaults leave missing or wrong, and whatever staff were asked before
                if (form.values.containsKey(f.key()) || FieldWidget.of(f).problem(f, value) != null) {
                    asked.add(new SubmitPage.FieldView(f.key(), "f." + f.key(), JobSubmission.fieldAnchor(f), f.label(), f.uiDesc(),
                            FieldWidget.of(f).name(), f.required(), f.options(), value, errors.get("f." + f.key()), false));
                } else {
                    shared.add(new BulkPage.Shared(f.label(), shorten(value)));
                }
            }
            for (int i = 0; i < form.rows.size(); i++) {
                BulkForm.Row row = form.rows.get(i);
                Upload u = Upload.waiting(row.uploadId());
                if (u != null) {
                    String meta = u.sizeText() + (u.durationSeconds == null ? "" : " \u00b7 " + Trim.format((long) Math.ceil(u.durationSeconds)));
                    rows.add(new BulkPage.Row(rows.size(), u.id.toString(), u.originalFilename, meta, row.jobName(),
                            errors.get("row[" + i + "].jobName"), u.soundNote()));
                }
            }
        }
        return new BulkPage(profiles, profile, version, presets, preset, form.batchKey, form.raw(), asked, shared, rows, errors,
                Sizes.human(uploadConfig.maxAudioBytes()), uploadConfig.maxAudioBytes(), BulkSubmission.MAX_RECORDINGS, unsaved,
                uploads.storageUse().text(), uploadConfig.maxConcurrentPerUser(),
                profile == null ? null : SubmitPage.Scheduling.of(form.priority, form.dueAt, profile.expectedTurnaround()));
    }

    private static String shorten(String value) {
        if (value == null || value.isBlank()) {
            return "\u2014";
        }
        String v = value.strip().replaceAll("\\s+", " ");
        return v.length() > 120 ? v.substring(0, 119) + "\u2026" : v;
    }

    /** An enabled profile of this tenant; anything else is a 404, like any foreign id. */
    private static Profile profile(String id) {
        try {
            Profile p = Profile.findById(Long.parseLong(id.trim()));
            if (p != null && p.enabled) {
                return p;
            }
        } catch (NumberFormatException e) {
            // not an id: like an unknown one
        }
        throw new NotFoundException();
    }

    private static Preset preset(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            Preset p = Preset.findById(Long.parseLong(id.trim()));
            if (p != null) {
                return p;
            }
        } catch (NumberFormatException e) {
            // not an id: like an unknown one
        }
        throw new NotFoundException();
    }
}
