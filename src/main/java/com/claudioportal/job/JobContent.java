package com.claudioportal.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.web.WorkflowMessages;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;

/**
 * Erases what the portal keeps of a finished job's content — its name, field values, raw
 * transcript, extracted fields and links, Claudio's details, and every file name (files become
 * "Recording 1", "Document 2", also where the timeline quoted them) — and keeps the metadata the
 * audit needs: who, when, profile, status, Claudio's reference, the timeline. Only for finished
 * jobs: a job still moving needs its content. Runs in the caller's transaction; returns the stored
 * files to delete once it commits.
 */
@ApplicationScoped
public class JobContent {

    /** Whether {@code job}'s content may be erased now. */
    public static boolean erasable(Job job) {
        return job.status.isFinished() && !job.isContentErased();
    }

    /** Erases the content; {@code why} goes on the timeline ("Content erased by …"). Returns stored files to delete after the commit. */
    public List<String> erase(Job job, String actor, JobLine why) {
        if (!erasable(job)) {
            throw new JobLifecycle.IllegalTransition(job.status, job.status, job.isContentErased()
                    ? Words.of(WorkflowMessages.class).erase_already() : Words.of(JobMessages.class).err_erase_unfinished());
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        if (job.name != null && !job.name.isBlank()) {
            replacements.put(job.name, "Job " + job.id);
        }
        List<String> stored = new ArrayList<>();
        for (JobFile f : JobFile.<JobFile> list("jobId = ?1 order by position", job.id)) {
            String placeholder = (f.kind == UploadKind.AUDIO ? "Recording " : "Document ") + (f.position + 1);
            if (f.originalFilename != null && !f.originalFilename.isBlank()) {
                replacements.putIfAbsent(f.originalFilename, placeholder);
            }
            f.originalFilename = placeholder;
            Upload u = Upload.findById(f.uploadId);
            if (u != null) {
                u.originalFilename = placeholder;
                if (u.storedPath != null) {
                    stored.add(u.storedPath);
                    u.storedPath = null;
                }
            }
        }
        // Claudio's name for a linked job may be quoted on the timeline too
        for (JobEvent e : JobEvent.<JobEvent> list("jobId", job.id)) {
            e.message = scrub(e.message, replacements);
            e.params = scrub(e.params, replacements);
        }
        job.statusDetail = scrub(job.statusDetail, replacements);
        job.statusDetailParams = scrub(job.statusDetailParams, replacements);
        job.stuckReason = scrub(job.stuckReason, replacements);
        job.stuckReasonParams = scrub(job.stuckReasonParams, replacements);
        job.name = "Job " + job.id;
        job.fieldValues = new LinkedHashMap<>();
        job.result = null;
        job.claudioDetails = null;
        job.contentErasedAt = Instant.now();
        job.contentErasedBy = actor;
        job.updatedAt = Instant.now();
        JobEvent.record(job, why, actor);
        return stored;
    }

    private static Map<String, String> scrub(Map<String, String> params, Map<String, String> replacements) {
        if (params == null) {
            return null;
        }
        Map<String, String> scrubbed = new LinkedHashMap<>();
        params.forEach((k, v) -> scrubbed.put(k, scrub(v, replacements)));
        return scrubbed;
    }

    private static String scrub(String text, Map<String, String> replacements) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            out = out.replace(r.getKey(), r.getValue());
        }
        // "(named “…” there)": Claudio's own name for a linked job
        return out.replaceAll("\\(named \u201c[^\u201d]*\u201d there\\)", "(named at Claudio)");
    }
}
