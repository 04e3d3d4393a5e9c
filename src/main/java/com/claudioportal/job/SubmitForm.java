package com.claudioportal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The submit form as posted. Its field names depend on the profile ({@code f.<key>}), and files
 * come as parallel repeated parameters ({@code audioId}/{@code audioStart}/{@code audioEnd},
 * {@code documentId}/{@code documentType}), so it is read from the raw form map.
 */
public class SubmitForm extends JobForm {

    public record AudioInput(String uploadId, String start, String end) {
    }

    public record DocumentInput(String uploadId, String docType) {
    }

    public String submissionKey;
    public String jobName;
    /** "submit", or "apply-preset" (fills fields from the chosen preset without submitting). */
    public String action;
    public final List<AudioInput> audio = new ArrayList<>();
    public final List<DocumentInput> documents = new ArrayList<>();
    /** Set by the bulk form, never read from a post: the batch a job was made in. */
    public UUID batchKey;

    public static SubmitForm read(MultivaluedMap<String, String> form) {
        SubmitForm f = new SubmitForm();
        f.readShared(form);
        f.submissionKey = form.getFirst("submissionKey");
        f.jobName = form.getFirst("jobName");
        f.action = form.getFirst("action");
        List<String> audioIds = list(form, "audioId");
        for (int i = 0; i < audioIds.size(); i++) {
            f.audio.add(new AudioInput(audioIds.get(i), at(form, "audioStart", i), at(form, "audioEnd", i)));
        }
        List<String> documentIds = list(form, "documentId");
        for (int i = 0; i < documentIds.size(); i++) {
            f.documents.add(new DocumentInput(documentIds.get(i), at(form, "documentType", i)));
        }
        return f;
    }

    public UUID submissionKeyOrNull() {
        return uuidOrNull(submissionKey);
    }


    private static List<String> list(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }
}
