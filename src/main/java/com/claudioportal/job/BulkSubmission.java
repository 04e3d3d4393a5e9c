package com.claudioportal.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.profile.Preset;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Many recordings, one profile and preset: one job per recording, each made exactly once.
 * <p>
 * Every row is checked before anything is saved, so a mistake in row 7 does not leave rows 1 to 6
 * behind. Then each row is saved by {@link JobSubmission} in a transaction of its own, under a
 * submission key derived from the batch key and the recording ({@link #rowKey}). So a batch cut
 * off half way (a crash, a lost connection) keeps the jobs it made, visible at once in the job list
 * and on the batch page, and sending the same form again (a double click, Back and submit, two
 * posts at the same moment) makes only the jobs still missing: the unique submission key refuses
 * a second job for the same row, whoever gets there first. One transaction for the whole batch
 * would instead hold up to 50 jobs' rows until the end and lose all of them together; per row, the
 * job engine starts sending the first jobs while the rest are being saved.
 */
@ApplicationScoped
public class BulkSubmission {

    /** The most recordings one batch takes. */
    public static final int MAX_RECORDINGS = 50;

    /** A job name's limit (the column's; {@link JobSubmission} checks each job's name again). */
    static final int MAX_NAME = 200;

    /**
     * The jobs of the batch (new or made before by this batch) and how many were made before. A
     * {@link Result#partly partial} result when something changed half-way: the jobs made are kept.
     */
    public record Batch(List<Long> jobIds, int madeBefore) {
    }

    @Inject
    JobSubmission submission;

    /** The key of one row's job: the same batch and recording always give the same key. */
    public static UUID rowKey(UUID batch, String uploadId) {
        return UUID.nameUUIDFromBytes(("bulk:" + batch + ":" + uploadId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The values every job of the batch gets: the profile's defaults, then the preset's values,
     * then what staff typed in once.
     */
    public static Map<String, String> sharedValues(ProfileVersion version, Preset preset, Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ProfileField f : version.fields()) {
            String value = f.defaultValue() == null ? "" : f.defaultValue();
            String fromPreset = preset == null ? null : preset.values().get(f.key());
            if (fromPreset != null && !fromPreset.isBlank()) {
                value = fromPreset;
            }
            if (typed.containsKey(f.key())) {
                value = typed.get(f.key()) == null ? "" : typed.get(f.key());
            }
            values.put(f.key(), value);
        }
        return values;
    }

    /** Job names from file names: "Éloïse Dupont – dictée.m4a" becomes "Éloïse Dupont – dictée". */
    public static String nameFrom(String filename) {
        String name = filename == null ? "" : filename.strip();
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 6 && name.substring(dot + 1).matches("[A-Za-z0-9]+")) {
            name = name.substring(0, dot).strip();
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    public Result<Batch> submit(BulkForm form, ProfileVersion version, Preset preset) {
        FormErrors errors = FormErrors.none();
        UUID batch = form.batchKeyOrNull();
        if (batch == null) {
            return Result.refused(FormErrors.FORM, Words.of(JobMessages.class).err_form_out_of_date());
        }
        JobSubmission.checkPriority(form.priority, errors);
        JobSubmission.checkDue(form.dueAt, errors);
        Map<String, String> values = sharedValues(version, preset, form.values);
        List<ProfileField> fields = version.fields();
        for (int n = 0; n < fields.size(); n++) {
            ProfileField field = fields.get(n);
            String problem = FieldWidget.of(field).problem(field, values.get(field.key()));
            if (problem != null) {
                errors.add("f." + field.key(), problem, JobSubmission.fieldItem(n, field), JobSubmission.fieldAnchor(field));
            }
        }
        if (form.rows.isEmpty()) {
            errors.add("audio", Words.of(JobMessages.class).err_add_recording());
        } else if (form.rows.size() > MAX_RECORDINGS) {
            errors.add("audio", Words.of(JobMessages.class).err_too_many_recordings(MAX_RECORDINGS, form.rows.size() - MAX_RECORDINGS));
        }
        checkRows(form, batch, errors);
        if (errors.any()) {
            return Result.refused(errors);
        }
        List<Long> jobs = new ArrayList<>();
        int before = 0;
        for (BulkForm.Row row : form.rows) {
            SubmitForm one = new SubmitForm();
            one.submissionKey = rowKey(batch, row.uploadId()).toString();
            one.profileVersionId = String.valueOf(version.id);
            one.jobName = row.jobName();
            one.isRaw = form.raw() ? "1" : "0";
            one.priority = form.priority;
            one.dueAt = form.dueAt;
            one.values.putAll(values);
            one.audio.add(new SubmitForm.AudioInput(row.uploadId(), "", ""));
            one.batchKey = batch;
            Result<JobSubmission.Submitted> outcome = submission.submitOnce(one, version);
            if (!outcome.ok()) {
                // something changed since the check (the profile was disabled, the connection removed): keep what was made
                return Result.partly(new Batch(jobs, before), outcome.errors());
            }
            jobs.add(outcome.value().jobId());
            if (outcome.value().alreadySubmitted()) {
                before++;
            }
        }
        return Result.done(new Batch(jobs, before));
    }

    /**
     * Each row: a name, and a recording of this tenant that is free or already this row's job
     * (the batch sent before). Unknown or foreign recordings are a 404, as everywhere.
     */
    private static void checkRows(BulkForm form, UUID batch, FormErrors errors) {
        JobMessages words = Words.of(JobMessages.class);
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < form.rows.size(); i++) {
                BulkForm.Row row = form.rows.get(i);
                UUID id;
                try {
                    id = UUID.fromString(row.uploadId());
                } catch (IllegalArgumentException e) {
                    throw new NotFoundException();
                }
                Upload upload = Upload.findById(id);
                if (upload == null || upload.kind != UploadKind.AUDIO) {
                    throw new NotFoundException();
                }
                String item = words.item_recording_named(i + 1, upload.originalFilename);
                String anchor = "jn-" + id;
                if (!seen.add(id)) {
                    errors.add("row[" + i + "].jobName", words.err_listed_twice(), item, anchor);
                    continue;
                }
                if (upload.jobId != null) {
                    Job made = Job.find("submissionKey", rowKey(batch, row.uploadId())).firstResult();
                    if (made == null || !made.id.equals(upload.jobId)) {
                        throw new NotFoundException();
                    }
                    continue;
                }
                if (upload.storedPath == null) {
                    throw new NotFoundException();
                }
                String name = row.jobName() == null ? "" : row.jobName().trim();
                if (name.isEmpty()) {
                    errors.add("row[" + i + "].jobName", words.err_job_name_missing(), item, anchor);
                } else if (name.length() > MAX_NAME) {
                    errors.add("row[" + i + "].jobName", words.err_job_name_too_long(MAX_NAME), item, anchor);
                }
            }
        });
    }
}
