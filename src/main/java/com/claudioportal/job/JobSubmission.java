package com.claudioportal.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.credentials.ClaudioConnection;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.web.Messages;
import com.claudioportal.forms.TimeZoneChoice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Turns a valid submit form into a saved job, with its files and field values, in one
 * transaction; the job worker takes it from there. The form's submission key makes a repeated
 * post (double click, refresh, back button) find the job it already made instead of a second one.
 */
@ApplicationScoped
public class JobSubmission {

    /**
     * The job a submission made, or the one this form already made: {@code alreadySubmitted} says
     * the form's submission key had made this job before (Back and submit again, a double post):
     * nothing new was saved, and staff should be told so.
     */
    public record Submitted(long jobId, boolean alreadySubmitted) {
    }

    /** The job name's limit, in characters (its column holds 200). */
    public static final int MAX_NAME = 200;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    JobLifecycle lifecycle;

    /**
     * {@link #submit} in a transaction of its own, also when the same form is posted twice at the
     * same moment: the post that loses the race (on the submission key's unique constraint, or on
     * an upload the other post took) finds the job the other one made.
     */
    public Result<Submitted> submitOnce(SubmitForm form, ProfileVersion version) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> submit(form, version));
        } catch (PersistenceException | NotFoundException | QuarkusTransactionException e) {
            // the other post made the job: this one ran into its submission key (unique; at the insert
            // or at commit) or its uploads (already taken, which reads as a 404 otherwise)
            UUID key = form.submissionKeyOrNull();
            Job existing = key == null ? null : QuarkusTransaction.requiringNew().call(() -> Job.<Job> find("submissionKey", key).firstResult());
            if (existing == null) {
                throw e;
            }
            return Result.done(new Submitted(existing.id, true));
        }
    }

    @Transactional
    public Result<Submitted> submit(SubmitForm form, ProfileVersion version) {
        FormErrors errors = FormErrors.none();
        JobMessages words = Words.of(JobMessages.class);
        UUID key = form.submissionKeyOrNull();
        if (key == null) {
            return Result.refused(FormErrors.FORM, words.err_form_out_of_date());
        }
        Job existing = Job.find("submissionKey", key).firstResult();
        if (existing != null) {
            return Result.done(new Submitted(existing.id, true));
        }
        Profile profile = Profile.findById(version.profileId);
        if (profile == null) {
            throw new NotFoundException();
        }
        if (!profile.enabled) {
            errors.add(FormErrors.FORM, words.err_profile_disabled(profile.displayName));
        }
        if (ClaudioConnection.current() == null) {
            errors.add(FormErrors.FORM, Words.of(Messages.class).common_connection_missing());
        }
        String name = form.jobName == null ? "" : form.jobName.trim();
        if (name.isEmpty()) {
            errors.add("jobName", words.err_job_name_missing());
        } else {
            String problem = TextInput.problem(name, MAX_NAME, TextInput.Lines.SINGLE, words.err_job_name_what());
            if (problem != null) {
                errors.add("jobName", problem);
            }
        }
        JobPriority priority = checkPriority(form.priority, errors);
        JobDue.Parsed due = checkDue(form.dueAt, errors);
        Map<String, String> values = new LinkedHashMap<>();
        List<ProfileField> fields = version.fields();
        for (int n = 0; n < fields.size(); n++) {
            ProfileField field = fields.get(n);
            String value = form.values.getOrDefault(field.key(), "");
            String problem = FieldWidget.of(field).problem(field, value);
            if (problem != null) {
                errors.add("f." + field.key(), problem, fieldItem(n, field), fieldAnchor(field));
            }
            values.put(field.key(), value == null ? "" : value.trim());
        }
        List<Upload> audio;
        List<Upload> documents;
        try {
            audio = uploads(form.audio.stream().map(SubmitForm.AudioInput::uploadId).toList(), UploadKind.AUDIO, key);
            documents = uploads(form.documents.stream().map(SubmitForm.DocumentInput::uploadId).toList(), UploadKind.DOCUMENT, key);
        } catch (AlreadySubmitted same) {
            return Result.done(new Submitted(same.jobId, true));
        }
        if (audio.isEmpty()) {
            errors.add("audio", words.err_add_recording());
        }
        String[][] trims = new String[audio.size()][];
        for (int i = 0; i < audio.size(); i++) {
            trims[i] = checkTrim(form.audio.get(i), audio.get(i), i, errors);
        }
        List<String> allowed = version.docTypes();
        for (int i = 0; i < documents.size(); i++) {
            String type = form.documents.get(i).docType();
            String item = words.item_document(i + 1);
            String anchor = "dt-" + documents.get(i).id;
            if (allowed.isEmpty()) {
                errors.add("document[" + i + "].docType", words.err_doc_not_taken(), item, anchor);
            } else if (type == null || type.isBlank()) {
                errors.add("document[" + i + "].docType", words.err_doc_type_missing(), item, anchor);
            } else if (!allowed.contains(type)) {
                errors.add("document[" + i + "].docType", words.err_doc_type_unknown(), item, anchor);
            }
        }
        if (errors.any()) {
            return Result.refused(errors);
        }

        Job job = new Job();
        job.submissionKey = key;
        job.name = name;
        job.profileId = profile.id;
        job.profileVersionId = version.id;
        job.isRaw = form.raw();
        job.fieldValues = values;
        job.status = JobState.QUEUED;
        job.submittedBy = user.actor();
        job.submittedByName = user.displayName();
        job.nextAttemptAt = Instant.now();
        job.priority = priority;
        job.dueAt = due.at() != null ? due.at() : job.createdAt.plus(profile.expectedTurnaround());
        job.batchKey = form.batchKey;
        job.persist();
        int position = 0;
        for (int i = 0; i < audio.size(); i++) {
            JobFile f = JobFile.of(job, position++, audio.get(i));
            f.audioStart = trims[i][0];
            f.audioEnd = trims[i][1];
            f.persist();
        }
        for (int i = 0; i < documents.size(); i++) {
            JobFile f = JobFile.of(job, position++, documents.get(i));
            f.docType = form.documents.get(i).docType();
            f.persist();
        }
        lifecycle.saved(job, JobLine.of("saved", "audio", audio.size(), "documents", documents.size()), user.actor());
        audit.record("job.submitted", "job", job.id, Map.of("profile", profile.displayName, "profileVersion", version.versionNo,
                "recordings", audio.size(), "documents", documents.size(), "priority", priority.name(),
                "dueAt", job.dueAt.toString()));
        return Result.done(new Submitted(job.id, false));
    }

    /**
     * The uploads named by the form; someone else's or unknown ids are a 404, like anywhere else.
     * Each row is locked until the job commits, so the clean-up of abandoned uploads (which
     * re-checks under the same lock) cannot delete a file this job has just taken.
     */
    private static List<Upload> uploads(List<String> ids, UploadKind kind, UUID key) {
        return ids.stream().map(id -> {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new NotFoundException();
            }
            Upload upload = Upload.findById(uuid, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (upload != null && upload.jobId != null) {
                // the same form posted twice at once: the other post made its job while this one waited for the lock
                Job same = Job.find("submissionKey", key).firstResult();
                if (same != null && same.id.equals(upload.jobId)) {
                    throw new AlreadySubmitted(same.id);
                }
            }
            if (upload == null || upload.kind != kind || upload.storedPath == null || upload.jobId != null) {
                throw new NotFoundException();
            }
            return upload;
        }).toList();
    }

    /** The uploads belong to the job this very form made already. */
    private static final class AlreadySubmitted extends RuntimeException {
        final long jobId;

        AlreadySubmitted(long jobId) {
            super(null, null, false, false);
            this.jobId = jobId;
        }
    }

    /** The chosen priority (routine when none), or null with the problem added beside the field. */
    static JobPriority checkPriority(String value, FormErrors errors) {
        JobPriority priority = value == null || value.isBlank() ? JobPriority.ROUTINE : JobPriority.parse(value);
        if (priority == null) {
            errors.add("priority", Words.of(JobMessages.class).err_priority());
        }
        return priority;
    }

    /** The due time typed (none: the profile's turnaround), with its problem added beside the field. */
    static JobDue.Parsed checkDue(String value, FormErrors errors) {
        JobDue.Parsed due = JobDue.parse(value, TimeZoneChoice.current());
        if (due.problem() != null) {
            errors.add("dueAt", due.problem());
        }
        return due;
    }

    /** "Field 3 (Specialist bio)": how the error summary names a profile field. */
    static String fieldItem(int index, ProfileField field) {
        return Words.of(JobMessages.class).item_field(index + 1, field.label());
    }

    /** The id of a profile field's input on the form. */
    static String fieldAnchor(ProfileField field) {
        return "f-" + field.key().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * Checks one recording's trim; returns the HH:MM:SS pair to send. A trim past the measured
     * length is only warned about on the form ({@link Trim#note}): a length read from a header may
     * be an estimate (variable-rate MP3), so it never stops a job.
     */
    static String[] checkTrim(SubmitForm.AudioInput input, Upload upload, int i, FormErrors errors) {
        String start = input.start() == null ? "" : input.start().trim();
        String end = input.end() == null ? "" : input.end().trim();
        Double duration = upload.durationSeconds;
        JobMessages words = Words.of(JobMessages.class);
        String item = words.item_recording(i + 1);
        long startS = start.isEmpty() ? 0 : Trim.seconds(start);
        long endS = end.isEmpty() ? -2 : Trim.seconds(end);
        if (startS < 0) {
            errors.add("audio[" + i + "].start", words.err_trim_start_format(), item, "as-" + upload.id);
        }
        if (endS == -1) {
            errors.add("audio[" + i + "].end", words.err_trim_end_format(), item, "ae-" + upload.id);
        }
        if (startS < 0 || endS == -1) {
            return new String[] { start, end };
        }
        if (start.isEmpty() && end.isEmpty()) {
            return new String[] { Trim.WHOLE, Trim.WHOLE };
        }
        if (endS == -2) {
            if (duration == null) {
                errors.add("audio[" + i + "].end", words.err_trim_end_unknown(), item, "ae-" + upload.id);
                return new String[] { start, end };
            }
            endS = (long) Math.floor(duration);
            if (endS <= startS) {
                errors.add("audio[" + i + "].start", words.err_trim_start_past_end(Trim.format(endS)), item,
                        "as-" + upload.id);
                return new String[] { start, end };
            }
        }
        if (endS <= startS) {
            errors.add("audio[" + i + "].end", words.err_trim_end_before_start(), item, "ae-" + upload.id);
        }
        return new String[] { Trim.format(startS), Trim.format(endS) };
    }
}
