package com.claudioportal.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.Result;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobActions;
import com.claudioportal.job.JobChanges;
import com.claudioportal.job.JobContent;
import com.claudioportal.job.JobLine;
import com.claudioportal.upload.UploadStorage;

/**
 * Erases one job's content, by a tenant admin now or by the purge after the retention period:
 * in one transaction with its audit entry (the details name the reason, never content); the
 * stored files (if any are left) are deleted once it committed.
 */
@ApplicationScoped
public class ContentErasure {

    @Inject
    JobContent content;

    @Inject
    AuditTrail audit;

    @Inject
    JobActions actions;

    @Inject
    UploadStorage storage;

    /** A tenant admin's "Erase content now": done, or refused with what to tell them. */
    public Result<Void> eraseNow(long jobId) {
        return JobChanges.byPersonFreeing(storage, () -> {
            List<String> files = new ArrayList<>();
            actions.byThisPerson(jobId, (job, actor, name) -> files.addAll(content.erase(job, actor, JobLine.of("erased_by", "name", name))),
                    "job.content-erased", Map.of("reason", "tenant-admin"));
            return files;
        });
    }

    /** The purge, inside the job's tenant and transaction: erases a job past the retention period. */
    List<String> expire(Job job, int retentionDays) {
        List<String> files = content.erase(job, "system", JobLine.of("erased_retention", "days", retentionDays));
        audit.record("job.content-erased", "job", job.id, Map.of("reason", "retention", "retentionDays", retentionDays));
        return files;
    }
}
