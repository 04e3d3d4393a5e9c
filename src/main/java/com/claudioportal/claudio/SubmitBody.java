package com.claudioportal.claudio;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Submit Job body exactly as the vendor's sample shows it (docs/claudio.md §1.3; the page itself is kept as src/test/resources/seed/claudio-submit-job-page.txt):
 * same keys, same order, every value a string, {@code is_raw} as "1" or "0". Missing values are
 * sent as empty strings and missing lists as empty arrays, so the shape never changes.
 */
final class SubmitBody {


    private SubmitBody() {
    }

    static byte[] json(ClaudioAccount account, SubmitRequest request) {
        ObjectNode body = TolerantJson.MAPPER.createObjectNode();
        body.put("key", nz(account.apiKey()));
        body.put("secret", nz(account.apiSecret()));
        body.put("form_id", nz(request.formId()));
        body.put("profile_id", nz(request.profileId()));
        body.put("is_raw", request.isRaw() ? "1" : "0");
        body.put("profile_name", nz(request.profileName()));
        body.put("job_name", nz(request.jobName()));
        ArrayNode jobData = body.putArray("job_data");
        for (SubmitRequest.JobField field : list(request.jobData())) {
            jobData.addObject()
                    .put("key", nz(field.key()))
                    .put("ui_label", nz(field.uiLabel()))
                    .put("type", nz(field.type()))
                    .put("ui_type", nz(field.uiType()))
                    .put("ui_desc", nz(field.uiDesc()))
                    .put("input_value", nz(field.inputValue()));
        }
        ArrayNode audio = body.putArray("audio_files");
        for (SubmitRequest.AudioFile file : list(request.audioFiles())) {
            audio.addObject()
                    .put("audio_filename", nz(file.audioFilename()))
                    .put("audio_location", nz(file.audioLocation()))
                    .put("audio_start", time(file.audioStart(), "audio_start"))
                    .put("audio_end", time(file.audioEnd(), "audio_end"));
        }
        ArrayNode attachments = body.putArray("attachments");
        for (SubmitRequest.Attachment attachment : list(request.attachments())) {
            attachments.addObject()
                    .put("filename", nz(attachment.filename()))
                    .put("doc_type", nz(attachment.docType()))
                    .put("location", nz(attachment.location()));
        }
        try {
            return TolerantJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the Submit body", e);
        }
    }

    /**
     * HH:MM:SS as the vendor documents it, written with two-digit hours; null or blank means "no
     * trim" (00:00:00).
     */
    static String time(String value, String name) {
        if (value == null || value.isBlank()) {
            return ClipTime.ZERO.toString();
        }
        return ClipTime.parse(value).orElseThrow(() -> new IllegalArgumentException(name + " must be HH:MM:SS")).toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
