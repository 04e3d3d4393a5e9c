package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The simulated Claudio API behind the sandbox routes: credential check, fault injection, uploads,
 * Submit, Poll, Get Job Details and downloads. Blocking (database, files): runs on worker threads.
 * Answer shapes follow the vendor's pages (claudio-api.md §4); where the pages are silent the
 * choices are listed in docs/claudio.md.
 */
@ApplicationScoped
@ActivateRequestContext
public class SandboxService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HH_MM_SS = Pattern.compile("\\d{2}:[0-5]\\d:[0-5]\\d");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NO_TRIM = "00:00:00";

    @Inject
    SandboxConfig config;

    @Inject
    SandboxUrls urls;

    @Inject
    SandboxStorage storage;

    @Inject
    SandboxAccounts accounts;

    @Inject
    JobCompletion completion;

    private LinkSigner signer;
    private byte[] deletedPdf;

    @PostConstruct
    void init() {
        signer = new LinkSigner(config.linkSigningKey(), Clock.systemUTC());
        try (InputStream in = SandboxService.class.getResourceAsStream("/sandbox/transcript-deleted.pdf")) {
            deletedPdf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the route's body handler has written to the incoming directory. */
    record Upload(String filename, Path received, long size, String contentType) {
    }

    /** Either the account the call may use, or the answer that refuses it. */
    private record Admission(SandboxAccountEntity account, SandboxReply refusal) {
    }

    SandboxReply upload(SandboxCall call, String slug, String key, String secret, Upload upload) {
        Admission admission = admit(slug, key, secret, call);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        boolean audio = call == SandboxCall.UPLOAD_AUDIO;
        if (upload == null) {
            return SandboxReply.error(400, "ERROR: Unexpected error occurred. No file was uploaded. ");
        }
        long limit = audio ? config.maxAudioBytes() : config.maxDocumentBytes();
        if (upload.size() > limit) {
            return SandboxReply.error(400, "ERROR: Unexpected error occurred. The file exceeds the "
                    + Math.round(limit / 1_000_000.0) + " MB limit. ");
        }
        String id = UUID.randomUUID().toString();
        String stored = storage.keepUpload(upload.received(), id);
        String filename = upload.filename() == null || upload.filename().isBlank() ? "upload" : upload.filename();
        QuarkusTransaction.requiringNew().run(() -> {
            SandboxFileEntity file = new SandboxFileEntity();
            file.id = id;
            file.accountSlug = slug;
            file.role = audio ? SandboxFileEntity.AUDIO : SandboxFileEntity.DOCUMENT;
            file.filename = filename;
            file.contentType = upload.contentType() == null || upload.contentType().isBlank() ? "application/octet-stream"
                    : upload.contentType();
            file.sizeBytes = upload.size();
            file.storagePath = stored;
            file.persist();
        });
        String url = urls.uploadUrl(slug, id, filename);
        ObjectNode answer = JSON.createObjectNode();
        if (audio) {
            answer.put("msg", "SUCCESS: Audio `" + filename + "` uploaded. ").put("audio_url", url).put("return", "msg,audio_url");
        } else {
            // Upload Document's answer is undocumented; file_url is the name the Submit page uses for it
            answer.put("msg", "SUCCESS: Document `" + filename + "` uploaded. ").put("file_url", url).put("return", "msg,file_url");
        }
        return SandboxReply.json(200, answer);
    }

    SandboxReply submit(String slug, byte[] body) {
        JsonNode json = object(body);
        if (json == null) {
            return SandboxReply.error(400, "ERROR: Unexpected error occurred. The request body is not a JSON object. ");
        }
        Admission admission = admit(slug, json.path("key").asText(null), json.path("secret").asText(null), SandboxCall.SUBMIT);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        SandboxAccountEntity account = admission.account();
        Boolean raw = isRaw(json.get("is_raw"));
        if (raw == null) {
            return rejected("is_raw must be 1 or 0.");
        }
        JsonNode audioFiles = json.get("audio_files");
        if (audioFiles == null || !audioFiles.isArray() || audioFiles.isEmpty()) {
            return rejected("At least one entry in audio_files is required.");
        }
        JsonNode attachments = json.path("attachments");
        if (!attachments.isMissingNode() && !attachments.isNull() && !attachments.isArray()) {
            return rejected("attachments must be an array.");
        }
        List<SandboxJobInputEntity> inputs = new ArrayList<>();
        for (int i = 0; i < audioFiles.size(); i++) {
            JsonNode entry = audioFiles.get(i);
            String start = time(entry.get("audio_start"));
            String end = time(entry.get("audio_end"));
            if (start == null || end == null) {
                return rejected("audio_files[" + i + "]: audio_start and audio_end must be HH:MM:SS.");
            }
            if (!end.equals(NO_TRIM) && AudioTrimmer.seconds(end) <= AudioTrimmer.seconds(start)) {
                return rejected("audio_files[" + i + "]: audio_end must be after audio_start.");
            }
            Optional<SandboxFileEntity> file = uploaded(slug, entry.path("audio_location").asText(null), SandboxFileEntity.AUDIO);
            if (file.isEmpty()) {
                return rejected("audio_files[" + i + "].audio_location is not an audio file uploaded to this account.");
            }
            inputs.add(input(i, file.get(), SandboxFileEntity.AUDIO, entry.path("audio_filename").asText(""), start, end, null));
        }
        for (int i = 0; attachments.isArray() && i < attachments.size(); i++) {
            JsonNode entry = attachments.get(i);
            Optional<SandboxFileEntity> file = uploaded(slug, entry.path("location").asText(null), SandboxFileEntity.DOCUMENT);
            if (file.isEmpty()) {
                return rejected("attachments[" + i + "].location is not a document uploaded to this account.");
            }
            inputs.add(input(i, file.get(), SandboxFileEntity.DOCUMENT, entry.path("filename").asText(""), null, null,
                    entry.path("doc_type").asText("")));
        }
        ObjectNode stored = ((ObjectNode) json).deepCopy();
        stored.remove("key");
        stored.remove("secret");
        String reference = Credentials.jobReference();
        String jobName = json.path("job_name").asText("");
        QuarkusTransaction.requiringNew().run(() -> {
            SandboxJobEntity job = new SandboxJobEntity();
            job.jobReferenceId = reference;
            job.accountSlug = slug;
            job.jobName = jobName;
            job.profileId = json.path("profile_id").asText("");
            job.profileName = json.path("profile_name").asText("");
            job.formId = json.path("form_id").asText("");
            job.raw = raw;
            job.requestJson = stored.toString();
            job.submittedAt = Instant.now();
            job.completesAt = job.submittedAt.plusMillis(account.processingMillis);
            job.webhookUrl = account.webhookUrl;
            job.persist();
            for (SandboxJobInputEntity input : inputs) {
                input.jobId = job.id;
                input.persist();
            }
        });
        if (account.dropSubmitResponse) {
            return SandboxReply.drop();
        }
        ObjectNode answer = JSON.createObjectNode();
        if (account.pollStyle == PollStyle.OLDER) {
            answer.put("message", "SUCCESS: Job submitted successfully. Please use the polling endpoint to check job status. ")
                    .put("poll_endpoint", urls.basePath(slug) + "/jobs/" + reference + "/poll")
                    .put("job_reference_id", reference)
                    .put("return", "message, poll_endpoint, job_reference_id");
        } else {
            String msg = "SUCCESS: Job[" + jobName + "] submitted successfully."
                    + (account.webhookUrl != null ? "\nYour webhook is configured successfully for the current job.\n"
                            + "We will send a notification to the webhook URL when the\njob is completed."
                            : " Please use the polling endpoint to check job status. ");
            answer.put("msg", msg)
                    .put("poll_endpoint", urls.baseUrl(slug) + "/jobs/" + reference + "/poll")
                    .put("job_reference_id", reference)
                    .put("return", "msg, poll_endpoint, job_reference_id");
        }
        return SandboxReply.json(200, answer);
    }

    SandboxReply poll(String slug, String jobReferenceId, byte[] body) {
        Lookup lookup = lookup(slug, jobReferenceId, body, SandboxCall.POLL);
        if (lookup.refusal() != null) {
            return lookup.refusal();
        }
        SandboxAccountEntity account = lookup.account();
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxJobEntity job = SandboxJobEntity.findById(lookup.jobId());
            ObjectNode answer = JSON.createObjectNode();
            boolean older = account.pollStyle == PollStyle.OLDER;
            if (!job.completed()) {
                if (older) {
                    answer.put("msg", "NOTICE: The job is in progress. Please try again after some time. ");
                } else {
                    answer.put("msg", "NOTICE: The job is in progress.\nPlease try again after sometime. ");
                    answer.putArray("media_files");
                }
                return SandboxReply.json(200, answer);
            }
            Instant expires = Instant.now().plus(accounts.linkLifetime(account));
            answer.put("msg", "SUCCESS: Job completed. ");
            ArrayNode transcripts = answer.putArray(older ? "transcript_location" : "transcript_url");
            ArrayNode media = answer.putArray("media_files");
            for (SandboxFileEntity file : outputs(job.id)) {
                (SandboxFileEntity.TRANSCRIPT.equals(file.role) ? transcripts : media).add(link(slug, file, expires));
            }
            if (!older) {
                ArrayNode fields = answer.putArray("extracted_fields");
                JobCompletion.extractedFields(job.extractedFields).forEach(f -> fields.add(JSON.valueToTree(f)));
            }
            if (job.raw) {
                // is_raw=1: the raw transcript text under finished_transcript, in addition to the links (docs/claudio.md)
                answer.putArray("finished_transcript").add(job.rawText);
            }
            answer.put("return", older ? "msg, transcript_location" + (job.raw ? ", finished_transcript" : "")
                    : "msg, transcript_url, media_files, extracted_fields" + (job.raw ? ", finished_transcript" : ""));
            return SandboxReply.json(200, answer);
        });
    }

    SandboxReply details(String slug, String jobReferenceId, byte[] body) {
        Lookup lookup = lookup(slug, jobReferenceId, body, SandboxCall.DETAILS);
        if (lookup.refusal() != null) {
            return lookup.refusal();
        }
        SandboxAccountEntity account = lookup.account();
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxJobEntity job = SandboxJobEntity.findById(lookup.jobId());
            Instant expires = Instant.now().plus(accounts.linkLifetime(account));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("success", true);
            answer.put("msg", job.completed() ? "SUCCESS: Job completed successfully." : "NOTICE: The job is in progress.");
            ObjectNode info = answer.putObject("job_data").putObject("job_info");
            info.put("job_reference_id", job.jobReferenceId)
                    .put("job_name", job.jobName)
                    .put("status", job.completed() ? "completed" : "processing")
                    .put("profile_name", job.profileName)
                    .put("submitted_at", job.submittedAt.toString());
            if (job.completedAt == null) {
                info.putNull("completed_at");
            } else {
                info.put("completed_at", job.completedAt.toString());
            }
            if (job.totalAudioSeconds == null) {
                info.putNull("total_audio_length");
            } else {
                info.put("total_audio_length", String.format(Locale.ROOT, "%.1f", job.totalAudioSeconds));
            }
            info.put("is_blank_audio", false).putNull("error_message");
            ObjectNode files = ((ObjectNode) answer.get("job_data")).putObject("job_files");
            ArrayNode inputFiles = files.putArray("input_files");
            for (SandboxJobInputEntity input : SandboxJobInputEntity.<SandboxJobInputEntity> list("jobId = ?1 order by role, position", job.id)) {
                SandboxFileEntity file = SandboxFileEntity.findById(input.fileId);
                inputFiles.addObject()
                        .put("filename", input.filename.isBlank() ? file.filename : input.filename)
                        .put("file_type", SandboxFileEntity.AUDIO.equals(input.role) ? "audio" : "attachment")
                        .put("file_size", file.sizeBytes)
                        .put("download_url", link(slug, file, expires));
            }
            ObjectNode outputFiles = files.putObject("output_files");
            ArrayNode transcripts = outputFiles.putArray("transcripts");
            ArrayNode media = outputFiles.putArray("media_files");
            for (SandboxFileEntity file : outputs(job.id)) {
                if (SandboxFileEntity.TRANSCRIPT.equals(file.role)) {
                    transcripts.addObject().put("filename", file.filename).put("file_subtype", "final_transcript")
                            .put("file_size", file.sizeBytes).put("download_url", link(slug, file, expires)).put("language_code", "en");
                } else {
                    media.addObject().put("filename", file.filename).put("file_subtype", "processed_media")
                            .put("file_size", file.sizeBytes).put("download_url", link(slug, file, expires)).put("detail", file.detail);
                }
            }
            return SandboxReply.json(200, answer);
        });
    }

    /**
     * A download link. Like an expired pre-signed S3 URL, a stale one gets 403 with an XML body;
     * with retention on, a transcript is replaced by the "transcript deleted" PDF (200).
     */
    SandboxReply download(String slug, String token) {
        LinkSigner.Verified verified = signer.verify(token);
        if (!verified.ok()) {
            String message = verified.rejection() == LinkSigner.Rejection.EXPIRED ? "Request has expired" : "Access Denied";
            return s3Error(403, "AccessDenied", message);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxFileEntity file = SandboxFileEntity.findById(verified.fileId());
            SandboxAccountEntity account = SandboxAccountEntity.findById(slug);
            if (file == null || account == null || !file.accountSlug.equals(slug)) {
                return s3Error(404, "NoSuchKey", "The specified key does not exist.");
            }
            if (account.retention && SandboxFileEntity.TRANSCRIPT.equals(file.role)) {
                return SandboxReply.bytes(200, "application/pdf", deletedPdf, "transcript-deleted.pdf");
            }
            Path path = storage.resolve(file.storagePath);
            if (!Files.isRegularFile(path)) {
                return s3Error(404, "NoSuchKey", "The specified key does not exist.");
            }
            return SandboxReply.file(path, file.contentType, file.filename);
        });
    }

    private record Lookup(SandboxAccountEntity account, Long jobId, SandboxReply refusal) {
    }

    /** Poll and Details: credentials from the JSON body, then the account's job (finished first if due). */
    private Lookup lookup(String slug, String jobReferenceId, byte[] body, SandboxCall call) {
        JsonNode json = object(body);
        if (json == null) {
            json = JSON.createObjectNode();
        }
        Admission admission = admit(slug, json.path("key").asText(null), json.path("secret").asText(null), call);
        if (admission.refusal() != null) {
            return new Lookup(null, null, admission.refusal());
        }
        String reference = jobReferenceId != null && !jobReferenceId.isBlank() ? jobReferenceId
                : json.path("job_reference_id").asText("");
        Long jobId = QuarkusTransaction.requiringNew().call(() -> SandboxJobEntity.<SandboxJobEntity> find(
                "jobReferenceId = ?1 and accountSlug = ?2", reference, slug).firstResultOptional().map(j -> j.id).orElse(null));
        if (jobId == null) {
            return new Lookup(null, null, rejected("There is no job with this job_reference_id for this account."));
        }
        completion.completeIfDue(jobId);
        return new Lookup(admission.account(), jobId, null);
    }

    /**
     * Latency first (it applies to refused calls too), then the credentials, then an injected 500
     * before anything is changed.
     */
    private Admission admit(String slug, String key, String secret, SandboxCall call) {
        SandboxAccountEntity account = QuarkusTransaction.requiringNew().call(() -> SandboxAccountEntity.findById(slug));
        if (account != null && account.latencyMillis > 0) {
            try {
                Thread.sleep(account.latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (account == null || account.keyRevoked || !Credentials.matches(key, account.apiKeyHash)
                || !Credentials.matches(secret, account.apiSecretHash)) {
            return new Admission(null, SandboxReply.error(401, "ERROR: User not authorized. Check the API key and secret. "));
        }
        double rate = account.errorRate(call);
        if (rate > 0 && RANDOM.nextDouble() < rate) {
            return new Admission(null, SandboxReply.error(500, "ERROR: Internal Server Error (simulated by the Claudio sandbox). "));
        }
        return new Admission(account, null);
    }

    private String link(String slug, SandboxFileEntity file, Instant expires) {
        return urls.downloadUrl(slug, signer.sign(file.id, expires), file.filename);
    }

    private static List<SandboxFileEntity> outputs(long jobId) {
        return SandboxFileEntity.list("jobId = ?1 order by role desc, filename", jobId);
    }

    private Optional<SandboxFileEntity> uploaded(String slug, String location, String role) {
        Optional<String> id = urls.uploadedFileId(slug, location);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> SandboxFileEntity.<SandboxFileEntity> findByIdOptional(id.get())
                .filter(f -> f.accountSlug.equals(slug) && role.equals(f.role) && f.jobId == null));
    }

    private static SandboxJobInputEntity input(int position, SandboxFileEntity file, String role, String filename, String start,
            String end, String docType) {
        SandboxJobInputEntity input = new SandboxJobInputEntity();
        input.position = position;
        input.fileId = file.id;
        input.role = role;
        input.filename = filename.isBlank() ? file.filename : filename;
        input.audioStart = start;
        input.audioEnd = end;
        input.docType = docType;
        return input;
    }

    /** "1"/"0" as the sample shows, but 1/0 and true/false too (the type is undocumented). */
    static Boolean isRaw(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        String v = value.asText().strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> null;
        };
    }

    private static String time(JsonNode value) {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return NO_TRIM;
        }
        String v = value.asText().strip();
        return HH_MM_SS.matcher(v).matches() ? v : null;
    }

    private static SandboxReply rejected(String detail) {
        return SandboxReply.error(400, "ERROR: Unexpected error occurred. " + detail + " ");
    }

    private static SandboxReply s3Error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return SandboxReply.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), null);
    }

    static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
