package com.claudioportal.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.claudioportal.claudio.SubmitRequest;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobFile;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.upload.UploadKind;

/** Builds Claudio's submit body for a job from the profile version it was saved with. */
@ApplicationScoped
public class JobRequests {

    /** Runs inside the job's tenant; every file must already be with Claudio. */
    public SubmitRequest forJob(long jobId) {
        Job job = Job.findById(jobId);
        ProfileVersion version = ProfileVersion.findById(job.profileVersionId);
        Map<String, String> values = job.fieldValues();
        List<SubmitRequest.JobField> fields = new ArrayList<>();
        for (ProfileField f : version.fields()) {
            fields.add(new SubmitRequest.JobField(f.key(), nz(f.uiLabel()), nz(f.type()), nz(f.uiType()), nz(f.uiDesc()),
                    values.getOrDefault(f.key(), "")));
        }
        List<SubmitRequest.AudioFile> audio = new ArrayList<>();
        List<SubmitRequest.Attachment> attachments = new ArrayList<>();
        for (JobFile file : JobFile.<JobFile> list("jobId = ?1 order by position", jobId)) {
            if (file.claudioUrl == null) {
                throw new IllegalStateException("Job " + jobId + " has a file Claudio does not have yet");
            }
            if (file.kind == UploadKind.AUDIO) {
                audio.add(new SubmitRequest.AudioFile(file.originalFilename, file.claudioUrl, file.audioStart, file.audioEnd));
            } else {
                attachments.add(new SubmitRequest.Attachment(file.originalFilename, file.docType, file.claudioUrl));
            }
        }
        return new SubmitRequest(version.formId, version.claudioProfileId, job.isRaw, version.profileName, job.name, fields,
                audio, attachments);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
