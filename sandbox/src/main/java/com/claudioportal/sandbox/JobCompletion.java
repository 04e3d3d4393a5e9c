package com.claudioportal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a job produces when its processing time is over: the transcripts (.txt, .docx and, with a
 * letter of instruction attached, an _LOI.docx), the processed media and the extracted fields.
 * Blocking (files, audio, zip): runs on a worker thread, once per job.
 */
final class JobCompletion {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final SandboxState state;
    private final Storage storage;

    JobCompletion(SandboxState state, Storage storage) {
        this.state = state;
        this.storage = storage;
    }

    /** Produces the outputs and publishes them on the job (COMPLETED last). */
    void complete(Job job) throws IOException {
        if (job.synthetic) {
            completeSynthetic(job);
            return;
        }
        Path dir = storage.jobDirectory(job.reference);
        List<String> outputs = new ArrayList<>();
        List<TranscriptText.AudioLine> audioLines = new ArrayList<>();
        List<TranscriptText.AttachmentLine> attachmentLines = new ArrayList<>();
        List<FieldExtractor.Document> documents = new ArrayList<>();
        List<FieldExtractor.Document> loiDocuments = new ArrayList<>();
        Double totalSeconds = 0.0;
        int mediaIndex = 0;
        for (Job.Input input : job.inputs) {
            StoredFile file = state.files.get(input.fileId());
            Path source = storage.resolve(file.storagePath());
            if (StoredFile.AUDIO.equals(input.role())) {
                audioLines.add(new TranscriptText.AudioLine(input.filename(), file.sizeBytes(), input.audioStart(), input.audioEnd()));
                String trimmedName = stem(input.filename()) + "_trimmed" + extension(input.filename());
                Path target = dir.resolve("media-" + (++mediaIndex) + extension(input.filename()));
                AudioTrimmer.Result trim = AudioTrimmer.trim(source, input.audioStart(), input.audioEnd(), target);
                totalSeconds = totalSeconds == null || trim.seconds() == null ? null : totalSeconds + trim.seconds();
                if (trim.trimmed() != null) {
                    outputs.add(output(job, StoredFile.MEDIA, trimmedName, file.contentType(), trim.trimmed(), trim.detail()));
                } else {
                    outputs.add(add(job, StoredFile.MEDIA, input.filename(), file.contentType(), file.sizeBytes(), file.storagePath(),
                            trim.detail()));
                }
            } else {
                attachmentLines.add(new TranscriptText.AttachmentLine(input.filename(), input.docType()));
                FieldExtractor.Document doc = new FieldExtractor.Document(input.filename(), file.contentType(), source, file.sizeBytes());
                documents.add(doc);
                if ("loi".equalsIgnoreCase(input.docType())) {
                    loiDocuments.add(doc);
                }
            }
        }
        List<Map<String, String>> extracted = FieldExtractor.extract(documents);
        List<String> paragraphs = TranscriptText.paragraphs(job.reference, job.jobName, job.profileName, job.profileId, job.formId,
                jobData(job.requestJson), audioLines, attachmentLines, extracted);
        String text = String.join("\n\n", paragraphs) + "\n";
        String name = documentName(job);

        Path txt = dir.resolve("transcript.txt");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        outputs.add(output(job, StoredFile.TRANSCRIPT, name + ".txt", "text/plain; charset=UTF-8", txt, "final_transcript"));
        Path docx = dir.resolve("transcript.docx");
        DocxWriter.write(docx, name, paragraphs);
        outputs.add(output(job, StoredFile.TRANSCRIPT, name + ".docx", DOCX, docx, "final_transcript"));
        if (!loiDocuments.isEmpty()) {
            List<String> loi = new ArrayList<>();
            loi.add("Letter of instruction summary for " + job.jobName);
            loiDocuments.forEach(d -> loi.add("Letter: " + d.filename()));
            FieldExtractor.extract(loiDocuments).forEach(f -> loi.add(f.get("label") + ": " + f.get("value")));
            Path loiDocx = dir.resolve("transcript_LOI.docx");
            DocxWriter.write(loiDocx, name + " - letter of instruction", loi);
            outputs.add(output(job, StoredFile.TRANSCRIPT, name + "_LOI.docx", DOCX, loiDocx, "final_transcript"));
        }
        job.rawText = text;
        job.extractedFields = List.copyOf(extracted);
        job.totalAudioSeconds = totalSeconds;
        publish(job, outputs);
    }

    /**
     * A job made by the bulk call has no inputs: one .txt transcript, produced from the job when it
     * is downloaded, so tens of thousands of jobs cost no disk and little memory.
     */
    private void completeSynthetic(Job job) {
        byte[] text = syntheticText(job);
        String id = add(job, StoredFile.TRANSCRIPT, documentName(job) + ".txt", "text/plain; charset=UTF-8", text.length, null,
                "final_transcript");
        job.totalAudioSeconds = null;
        publish(job, List.of(id));
    }

    static byte[] syntheticText(Job job) {
        List<String> paragraphs = TranscriptText.paragraphs(job.reference, job.jobName, job.profileName, job.profileId, job.formId,
                List.of(), List.of(), List.of(), List.of());
        return (String.join("\n\n", paragraphs) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void publish(Job job, List<String> outputs) {
        job.outputIds = List.copyOf(outputs);
        job.completedAt = Instant.now();
        job.status = Job.COMPLETED;
        state.changed();
    }

    private String output(Job job, String role, String filename, String contentType, Path path, String detail) throws IOException {
        return add(job, role, filename, contentType, Files.size(path), storage.relative(path), detail);
    }

    private String add(Job job, String role, String filename, String contentType, long size, String storagePath, String detail) {
        StoredFile f = new StoredFile(UUID.randomUUID().toString(), job.accountSlug, role, filename, contentType, size, storagePath, detail,
                job.reference, Instant.now());
        state.files.put(f.id(), f);
        return f.id();
    }

    /** The form fields as sent ({@code job_data}), each as its keys and text values. */
    static List<Map<String, String>> jobData(String requestJson) {
        try {
            JsonNode node = Json.MAPPER.readTree(requestJson).path("job_data");
            if (!node.isArray()) {
                return List.of();
            }
            List<Map<String, String>> out = new ArrayList<>();
            for (JsonNode field : node) {
                if (field.isObject()) {
                    Map<String, String> entry = new LinkedHashMap<>();
                    field.fields().forEachRemaining(f -> entry.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                    out.add(entry);
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Named like the vendor's example ("IME Doc Extraction.txt"): after the job, else the profile. */
    static String documentName(Job job) {
        String base = job.jobName == null || job.jobName.isBlank() ? job.profileName : job.jobName;
        String name = base == null ? "" : base.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").replaceAll("\\s+", " ").strip();
        if (name.length() > 80) {
            name = name.substring(0, 80).strip();
        }
        return name.isEmpty() ? "Transcript" : name;
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 ? filename : filename.substring(0, dot);
    }

    private static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 ? "" : filename.substring(dot).toLowerCase(Locale.ROOT);
    }
}
