package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finishes jobs whose processing time is over: writes the transcripts (.txt, .docx and, with a
 * letter of instruction attached, an _LOI.docx), the processed media and the extracted fields.
 * Runs from the scheduler and, so a Poll never waits for it, from Poll and Get Job Details too;
 * a row lock makes sure each job is finished once.
 */
@ApplicationScoped
@ActivateRequestContext
public class JobCompletion {

    private static final Logger LOG = Logger.getLogger(JobCompletion.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    SandboxStorage storage;

    @Inject
    EntityManager em;

    List<Long> dueJobIds(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select j.id from SandboxJobEntity j where j.status = :s and j.completesAt <= :now order by j.completesAt",
                        Long.class)
                .setParameter("s", SandboxJobEntity.PROCESSING).setParameter("now", Instant.now())
                .setMaxResults(limit).getResultList());
    }

    void completeIfDue(long jobId) {
        QuarkusTransaction.requiringNew().run(() -> {
            SandboxJobEntity job = em.find(SandboxJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.completed() || job.completesAt.isAfter(Instant.now())) {
                return;
            }
            try {
                produceOutputs(job);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            job.status = SandboxJobEntity.COMPLETED;
            job.completedAt = Instant.now();
            LOG.debugf("Sandbox job %s completed", job.jobReferenceId);
        });
    }

    private void produceOutputs(SandboxJobEntity job) throws IOException {
        List<SandboxJobInputEntity> inputs = SandboxJobInputEntity.list("jobId = ?1 order by role, position", job.id);
        Path dir = storage.jobDirectory(job.jobReferenceId);
        List<TranscriptText.AudioLine> audioLines = new ArrayList<>();
        List<TranscriptText.AttachmentLine> attachmentLines = new ArrayList<>();
        List<FieldExtractor.Document> documents = new ArrayList<>();
        List<FieldExtractor.Document> loiDocuments = new ArrayList<>();
        Double totalSeconds = 0.0;
        int mediaIndex = 0;
        for (SandboxJobInputEntity input : inputs) {
            SandboxFileEntity file = SandboxFileEntity.findById(input.fileId);
            Path source = storage.resolve(file.storagePath);
            if (SandboxFileEntity.AUDIO.equals(input.role)) {
                audioLines.add(new TranscriptText.AudioLine(input.filename, file.sizeBytes, input.audioStart, input.audioEnd));
                String trimmedName = stem(input.filename) + "_trimmed" + extension(input.filename);
                Path target = dir.resolve("media-" + (++mediaIndex) + extension(input.filename));
                AudioTrimmer.Result trim = AudioTrimmer.trim(source, input.audioStart, input.audioEnd, target);
                totalSeconds = totalSeconds == null || trim.seconds() == null ? null : totalSeconds + trim.seconds();
                if (trim.trimmed() != null) {
                    output(job, SandboxFileEntity.MEDIA, trimmedName, file.contentType, trim.trimmed(), trim.detail());
                } else {
                    SandboxFileEntity media = newFile(job, SandboxFileEntity.MEDIA, input.filename, file.contentType,
                            file.sizeBytes, file.storagePath, trim.detail());
                    media.persist();
                }
            } else {
                attachmentLines.add(new TranscriptText.AttachmentLine(input.filename, input.docType));
                FieldExtractor.Document doc = new FieldExtractor.Document(input.filename, file.contentType, source, file.sizeBytes);
                documents.add(doc);
                if ("loi".equalsIgnoreCase(input.docType)) {
                    loiDocuments.add(doc);
                }
            }
        }
        List<Map<String, String>> extracted = FieldExtractor.extract(documents);
        List<Map<String, String>> jobData = jobData(job.requestJson);
        List<String> paragraphs = TranscriptText.paragraphs(job.jobReferenceId, job.jobName, job.profileName, job.profileId,
                job.formId, jobData, audioLines, attachmentLines, extracted);
        String text = String.join("\n\n", paragraphs) + "\n";
        String name = documentName(job);

        Path txt = dir.resolve("transcript.txt");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        output(job, SandboxFileEntity.TRANSCRIPT, name + ".txt", "text/plain; charset=UTF-8", txt, "final_transcript");
        Path docx = dir.resolve("transcript.docx");
        DocxWriter.write(docx, name, paragraphs);
        output(job, SandboxFileEntity.TRANSCRIPT, name + ".docx", DOCX, docx, "final_transcript");
        if (!loiDocuments.isEmpty()) {
            List<String> loi = new ArrayList<>();
            loi.add("Letter of instruction summary for " + job.jobName);
            loiDocuments.forEach(d -> loi.add("Letter: " + d.filename()));
            FieldExtractor.extract(loiDocuments).forEach(f -> loi.add(f.get("label") + ": " + f.get("value")));
            Path loiDocx = dir.resolve("transcript_LOI.docx");
            DocxWriter.write(loiDocx, name + " - letter of instruction", loi);
            output(job, SandboxFileEntity.TRANSCRIPT, name + "_LOI.docx", DOCX, loiDocx, "final_transcript");
        }
        job.rawText = text;
        job.extractedFields = JSON.writeValueAsString(extracted);
        job.totalAudioSeconds = totalSeconds;
    }

    private void output(SandboxJobEntity job, String role, String filename, String contentType, Path path, String detail)
            throws IOException {
        newFile(job, role, filename, contentType, Files.size(path), storage.relative(path), detail).persist();
    }

    private static SandboxFileEntity newFile(SandboxJobEntity job, String role, String filename, String contentType, long size,
            String storagePath, String detail) {
        SandboxFileEntity f = new SandboxFileEntity();
        f.id = UUID.randomUUID().toString();
        f.accountSlug = job.accountSlug;
        f.jobId = job.id;
        f.role = role;
        f.filename = filename;
        f.contentType = contentType;
        f.sizeBytes = size;
        f.storagePath = storagePath;
        f.detail = detail;
        return f;
    }

    static List<Map<String, String>> jobData(String requestJson) {
        try {
            var node = JSON.readTree(requestJson).path("job_data");
            if (!node.isArray()) {
                return List.of();
            }
            List<Map<String, String>> out = new ArrayList<>();
            for (var field : node) {
                if (field.isObject()) {
                    Map<String, String> entry = new java.util.LinkedHashMap<>();
                    field.fields().forEachRemaining(f -> entry.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                    out.add(entry);
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Map<String, String>> extractedFields(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, String>>>() {
            });
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Named like the vendor's example ("IME Doc Extraction.txt"): after the job, else the profile. */
    private static String documentName(SandboxJobEntity job) {
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
