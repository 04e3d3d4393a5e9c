package com.claudioportal.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of a simulated transcript, built only from what the job carried (job name, form
 * fields, file names, extracted fields) plus a plausible made-up dictation paragraph, so a
 * reviewer can see their own input come back.
 */
final class TranscriptText {

    record AudioLine(String filename, long sizeBytes, String start, String end) {
    }

    record AttachmentLine(String filename, String docType) {
    }

    private TranscriptText() {
    }

    /** Paragraphs; the .txt joins them with blank lines, the .docx makes one paragraph each. */
    static List<String> paragraphs(String jobReferenceId, String jobName, String profileName, String profileId, String formId,
            List<Map<String, String>> jobData, List<AudioLine> audio, List<AttachmentLine> attachments,
            List<Map<String, String>> extracted) {
        List<String> out = new ArrayList<>();
        out.add("Job: " + jobName + "\nProfile: " + profileName + " (profile " + profileId + ", form " + formId + ")"
                + "\nJob reference: " + jobReferenceId + "\nProduced by the Claudio sandbox: a simulation, not a real transcript.");
        if (!jobData.isEmpty()) {
            StringBuilder fields = new StringBuilder("Form fields");
            for (Map<String, String> field : jobData) {
                String label = field.getOrDefault("ui_label", "");
                fields.append("\n").append(label.isBlank() ? field.getOrDefault("key", "") : label).append(": ")
                        .append(field.getOrDefault("input_value", ""));
            }
            out.add(fields.toString());
        }
        StringBuilder media = new StringBuilder("Audio");
        for (AudioLine a : audio) {
            media.append("\n").append(a.filename()).append(" (").append(a.sizeBytes()).append(" bytes)");
            if (!AudioTrimmer.wholeFile(a.start(), a.end())) {
                media.append(", from ").append(a.start()).append(" to ").append(a.end());
            }
        }
        out.add(media.toString());
        if (!attachments.isEmpty()) {
            StringBuilder docs = new StringBuilder("Attachments");
            attachments.forEach(d -> docs.append("\n").append(d.filename()).append(" (").append(d.docType()).append(")"));
            out.add(docs.toString());
        }
        if (!extracted.isEmpty()) {
            StringBuilder fields = new StringBuilder("Extracted fields");
            extracted.forEach(f -> fields.append("\n").append(f.get("label")).append(": ").append(f.get("value"))
                    .append(" (from ").append(f.get("source")).append(")"));
            out.add(fields.toString());
        }
        out.add("Transcript\n" + dictation(jobData));
        return out;
    }

    private static String dictation(List<Map<String, String>> jobData) {
        String examiner = jobData.stream()
                .filter(f -> f.getOrDefault("key", "").contains("name") && !f.getOrDefault("input_value", "").isBlank())
                .map(f -> f.get("input_value")).findFirst().orElse("the examiner");
        return "This report was dictated by " + examiner + ". The examinee attended on time and was accompanied by no one. "
                + "History of the presenting complaint was reviewed with the examinee, who reported intermittent pain "
                + "that worsens with prolonged standing. On examination, range of motion was mildly reduced and there "
                + "was no swelling. The documents provided were reviewed. Opinion and recommendations follow in the "
                + "formatted report.";
    }
}
