package com.claudioportal.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The submit form as posted. Its field names depend on the profile ({@code f.<key>}), and files
 * come as parallel repeated parameters ({@code audioId}/{@code audioStart}/{@code audioEnd},
 * {@code documentId}/{@code documentType}), so it is read from the raw form map.
 */
public class SubmitForm {

    public record AudioInput(String uploadId, String start, String end) {
    }

    public record DocumentInput(String uploadId, String docType) {
    }

    public String submissionKey;
    public String profileVersionId;
    public String jobName;
    public String isRaw;
    public String presetId;
    /** {@link JobPriority} name; empty: routine. */
    public String priority;
    /** yyyy-MM-ddTHH:mm (UTC, a datetime-local input); empty: the profile's expected turnaround. */
    public String dueAt;
    /** "submit", or "apply-preset" (fills fields from the chosen preset without submitting). */
    public String action;
    public final Map<String, String> values = new LinkedHashMap<>();
    public final List<AudioInput> audio = new ArrayList<>();
    public final List<DocumentInput> documents = new ArrayList<>();
    /** Set by the bulk form, never read from a post: the batch a job was made in. */
    public UUID batchKey;

    public static SubmitForm read(MultivaluedMap<String, String> form) {
        SubmitForm f = new SubmitForm();
        f.submissionKey = form.getFirst("submissionKey");
        f.profileVersionId = form.getFirst("profileVersionId");
        f.jobName = form.getFirst("jobName");
        f.isRaw = form.getFirst("isRaw");
        f.presetId = form.getFirst("presetId");
        f.priority = form.getFirst("priority");
        f.dueAt = form.getFirst("dueAt");
        f.action = form.getFirst("action");
        readValues(form, f.values);
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

    public boolean raw() {
        return "1".equals(isRaw);
    }

    /** The profile's fields as posted ({@code f.<key>}, the first value of each), into {@code values} by key. */
    static void readValues(MultivaluedMap<String, String> form, Map<String, String> values) {
        form.forEach((name, posted) -> {
            if (name.startsWith("f.") && posted != null && !posted.isEmpty()) {
                values.put(name.substring(2), posted.get(0));
            }
        });
    }

    /** A posted key (submission, batch) as a UUID; null when it is missing or not one, which the forms treat alike. */
    static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> list(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(MultivaluedMap<String, String> form, String name, int i) {
        List<String> values = form.get(name);
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
    }
}
