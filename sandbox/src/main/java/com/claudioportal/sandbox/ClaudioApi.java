package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The simulated Claudio API under {@code /claudio/<slug>}: credential check, faults, uploads,
 * Submit, Poll, Get Job Details and download links. Everything runs on the event loop except real
 * blocking work (storing an upload, producing a job's outputs), and delays are timers, never a
 * sleeping thread, so tens of thousands of slow answers cost only their connections. Answer shapes
 * follow the vendor's pages (docs/claudio.md §1.3, §1.4 and §2.3); the choices where they are silent are listed in
 * docs/claudio.md.
 */
final class ClaudioApi {

    private static final Logger LOG = Logger.getLogger(ClaudioApi.class.getName());
    private static final Pattern HH_MM_SS = Pattern.compile("\\d{2}:[0-5]\\d:[0-5]\\d");
    static final String NO_TRIM = "00:00:00";
    private static final Reply UNAUTHORIZED = Reply.error(401, "ERROR: User not authorized. Check the API key and secret. ");
    private static final Reply IN_PROGRESS_NEWER = Reply.json(200,
            Json.object().put("msg", "NOTICE: The job is in progress.\nPlease try again after sometime. ").set("media_files", Json.MAPPER.createArrayNode()));
    private static final Reply IN_PROGRESS_OLDER = Reply.json(200,
            Json.object().put("msg", "NOTICE: The job is in progress. Please try again after some time. "));

    private final Vertx vertx;
    private final SandboxOptions options;
    private final SandboxState state;
    private final SandboxUrls urls;
    private final Storage storage;
    private final LinkSigner signer;
    private final JobCompletion completion;
    private final WebhookSender webhooks;
    private final byte[] deletedPdf;

    ClaudioApi(Vertx vertx, SandboxOptions options, SandboxState state, SandboxUrls urls, Storage storage, LinkSigner signer,
            JobCompletion completion, WebhookSender webhooks) {
        this.vertx = vertx;
        this.options = options;
        this.state = state;
        this.urls = urls;
        this.storage = storage;
        this.signer = signer;
        this.completion = completion;
        this.webhooks = webhooks;
        try (InputStream in = ClaudioApi.class.getResourceAsStream("/sandbox/transcript-deleted.pdf")) {
            deletedPdf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(Router router) {
        String base = SandboxUrls.MOUNT + "/:slug";
        long uploadLimit = Math.max(options.maxAudioBytes(), options.maxDocumentBytes()) + 1_000_000;
        // uploads stream to disk as they arrive; every other body is small JSON
        BodyHandler uploads = BodyHandler.create(storage.incoming().toString()).setBodyLimit(uploadLimit).setHandleFileUploads(true)
                .setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(16L << 20);
        for (String path : new String[] { options.uploadAudioPath(), options.uploadDocumentPath() }) {
            router.route(base + path).handler(uploads);
        }
        router.route(SandboxUrls.MOUNT + "/*").handler(ctx -> {
            if (ctx.body().available()) {
                ctx.next();
            } else {
                json.handle(ctx);
            }
        });
        router.route(base + "/files/:token/:name").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ctx -> pipeline(ctx, SandboxCall.DOWNLOAD, null, false, null, null, account -> download(ctx)));
        router.route(base + "/uploads/*").handler(ctx -> Responder.write(ctx, Reply.error(403,
                "ERROR: Uploaded files are referenced in Submit Job; download them through Get Job Details. ")));
        call(router, base + options.uploadAudioPath(), ctx -> upload(ctx, SandboxCall.UPLOAD_AUDIO));
        call(router, base + options.uploadDocumentPath(), ctx -> upload(ctx, SandboxCall.UPLOAD_DOCUMENT));
        call(router, base + options.submitPath(), ctx -> {
            JsonNode body = Json.objectOrNull(bytes(ctx));
            Reply notJson = body == null ? Reply.rejected("The request body is not a JSON object.") : null;
            pipeline(ctx, SandboxCall.SUBMIT, notJson, true, text(body, "key"), text(body, "secret"), account -> submit(account, body));
        });
        for (String poll : new String[] { base + "/jobs/:id/poll", base + "/jobs/poll" }) {
            call(router, poll, ctx -> lookup(ctx, SandboxCall.POLL));
        }
        for (String details : new String[] { base + "/jobs/:id/details", base + "/jobs/details" }) {
            call(router, details, ctx -> lookup(ctx, SandboxCall.DETAILS));
        }
        router.route(base + "/*").handler(ctx -> Responder.write(ctx, Reply.error(404, "ERROR: Not found. ")));
        router.route(SandboxUrls.MOUNT + "/*").failureHandler(this::failure);
    }

    /** POST as assumed for every call; GET with the same body too, leniently (docs/claudio.md §2.2). */
    private static void call(Router router, String path, io.vertx.core.Handler<RoutingContext> handler) {
        router.route(path).method(HttpMethod.POST).method(HttpMethod.GET).handler(handler);
    }

    /** The part of a call that needs the account: carried out after the credentials and faults let it through. */
    private interface Work {
        Future<Reply> run(Account account);
    }

    /**
     * Every call: counted; the account's fault for it struck or not; its delay first (it applies to
     * refused calls too); never answering; the call's own early refusal; the credentials (an
     * unknown account looks like a wrong key); a fixed answer or a drop before anything changes;
     * the work; a drop or a delay after it; the answer, trickled if the fault says so.
     */
    private void pipeline(RoutingContext ctx, SandboxCall call, Reply early, boolean needsCredentials, String key, String secret, Work work) {
        Account account = state.accounts.get(ctx.pathParam("slug"));
        if (account != null) {
            account.counters.requests.get(call).incrementAndGet();
        }
        Fault fault = account == null ? null : account.strike(call);
        // a caller that gave up meanwhile does not stop the call: like a real server, the sandbox
        // carries it out and only the answer is lost (what "outcome unknown" is about)
        Runnable go = () -> {
            if (fault != null && fault.neverAnswer()) {
                return;
            }
            if (early != null) {
                Responder.write(ctx, early, fault);
                return;
            }
            if (needsCredentials && (account == null || !account.accepts(key, secret))) {
                Responder.write(ctx, UNAUTHORIZED, fault);
                return;
            }
            if (fault != null && fault.status() != null) {
                Responder.write(ctx, Reply.text(fault.status(), fault.fixedContentType(), fault.fixedBody()), fault);
                return;
            }
            if (fault != null && fault.drop() == Fault.Drop.BEFORE) {
                Responder.drop(ctx);
                return;
            }
            work.run(account).onComplete(done -> {
                if (done.failed()) {
                    ctx.fail(done.cause());
                } else if (fault != null && fault.drop() == Fault.Drop.AFTER) {
                    Responder.drop(ctx);
                } else if (fault != null && fault.delayAfterStoreMillis() > 0) {
                    vertx.setTimer(fault.delayAfterStoreMillis(), t -> Responder.write(ctx, done.result(), fault));
                } else {
                    Responder.write(ctx, done.result(), fault);
                }
            });
        };
        long delay = fault == null ? 0 : fault.delayMillis();
        if (delay > 0) {
            vertx.setTimer(delay, t -> go.run());
        } else {
            go.run();
        }
    }

    // ---- uploads ------------------------------------------------------------------------------

    private void upload(RoutingContext ctx, SandboxCall call) {
        String key = ctx.request().getFormAttribute("key");
        String secret = ctx.request().getFormAttribute("secret");
        FileUpload file = ctx.fileUploads().isEmpty() ? null : ctx.fileUploads().get(0);
        pipeline(ctx, call, null, true, key, secret, account -> upload(account, call, file));
    }

    private Future<Reply> upload(Account account, SandboxCall call, FileUpload upload) {
        boolean audio = call == SandboxCall.UPLOAD_AUDIO;
        if (upload == null) {
            return Future.succeededFuture(Reply.rejected("No file was uploaded."));
        }
        long limit = audio ? options.maxAudioBytes() : options.maxDocumentBytes();
        if (upload.size() > limit) {
            return Future.succeededFuture(Reply.rejected("The file exceeds the " + Math.round(limit / 1_000_000.0) + " MB limit."));
        }
        String id = UUID.randomUUID().toString();
        String filename = upload.fileName() == null || upload.fileName().isBlank() ? "upload" : upload.fileName();
        String contentType = upload.contentType() == null || upload.contentType().isBlank() ? "application/octet-stream" : upload.contentType();
        return vertx.executeBlocking(() -> storage.keepUpload(Path.of(upload.uploadedFileName()), id), false).map(stored -> {
            state.files.put(id, new StoredFile(id, account.slug, audio ? StoredFile.AUDIO : StoredFile.DOCUMENT, filename, contentType,
                    upload.size(), stored, null, null, Instant.now()));
            account.counters.uploadedFilenames.add(filename);
            state.changed();
            String url = urls.uploadUrl(account.slug, id, filename);
            ObjectNode answer = Json.object();
            if (audio) {
                answer.put("msg", "SUCCESS: Audio `" + filename + "` uploaded. ").put("audio_url", url).put("return", "msg,audio_url");
            } else {
                // Upload Document's answer is undocumented; file_url is the name the Submit page uses for it
                answer.put("msg", "SUCCESS: Document `" + filename + "` uploaded. ").put("file_url", url).put("return", "msg,file_url");
            }
            return Reply.json(200, answer);
        });
    }

    // ---- submit -------------------------------------------------------------------------------

    private Future<Reply> submit(Account account, JsonNode json) {
        Boolean raw = isRaw(json.get("is_raw"));
        if (raw == null) {
            return reject("is_raw must be 1 or 0.");
        }
        JsonNode audioFiles = json.get("audio_files");
        if (audioFiles == null || !audioFiles.isArray() || audioFiles.isEmpty()) {
            return reject("At least one entry in audio_files is required.");
        }
        JsonNode attachments = json.path("attachments");
        if (!attachments.isMissingNode() && !attachments.isNull() && !attachments.isArray()) {
            return reject("attachments must be an array.");
        }
        List<Job.Input> inputs = new ArrayList<>();
        for (int i = 0; i < audioFiles.size(); i++) {
            JsonNode entry = audioFiles.get(i);
            String start = time(entry.get("audio_start"));
            String end = time(entry.get("audio_end"));
            if (start == null || end == null) {
                return reject("audio_files[" + i + "]: audio_start and audio_end must be HH:MM:SS.");
            }
            if (!end.equals(NO_TRIM) && AudioTrimmer.seconds(end) <= AudioTrimmer.seconds(start)) {
                return reject("audio_files[" + i + "]: audio_end must be after audio_start.");
            }
            Optional<StoredFile> file = uploaded(account.slug, entry.path("audio_location").asText(null), StoredFile.AUDIO);
            if (file.isEmpty()) {
                return reject("audio_files[" + i + "].audio_location is not an audio file uploaded to this account.");
            }
            inputs.add(input(i, file.get(), entry.path("audio_filename").asText(""), start, end, null));
        }
        for (int i = 0; attachments.isArray() && i < attachments.size(); i++) {
            JsonNode entry = attachments.get(i);
            Optional<StoredFile> file = uploaded(account.slug, entry.path("location").asText(null), StoredFile.DOCUMENT);
            if (file.isEmpty()) {
                return reject("attachments[" + i + "].location is not a document uploaded to this account.");
            }
            inputs.add(input(i, file.get(), entry.path("filename").asText(""), null, null, entry.path("doc_type").asText("")));
        }
        ObjectNode stored = ((ObjectNode) json).deepCopy();
        stored.remove("key");
        stored.remove("secret");
        Account.Settings settings = account.settings;
        String jobName = json.path("job_name").asText("");
        Instant now = Instant.now();
        Job job = new Job(state.nextSequence(), newReference(), account.slug, jobName, json.path("profile_id").asText(""),
                json.path("profile_name").asText(""), json.path("form_id").asText(""), raw, stored.toString(), now,
                now.plusMillis(settings.processingMillis()), inputs, settings.webhookUrl(), false);
        add(job);
        account.counters.submittedJobNames.add(jobName);
        ObjectNode answer = Json.object();
        if (settings.pollStyle() == PollStyle.OLDER) {
            answer.put("message", "SUCCESS: Job submitted successfully. Please use the polling endpoint to check job status. ")
                    .put("poll_endpoint", urls.basePath(account.slug) + "/jobs/" + job.reference + "/poll")
                    .put("job_reference_id", job.reference)
                    .put("return", "message, poll_endpoint, job_reference_id");
        } else {
            String msg = "SUCCESS: Job[" + jobName + "] submitted successfully."
                    + (settings.webhookUrl() != null ? "\nYour webhook is configured successfully for the current job.\n"
                            + "We will send a notification to the webhook URL when the\njob is completed."
                            : " Please use the polling endpoint to check job status. ");
            answer.put("msg", msg)
                    .put("poll_endpoint", urls.baseUrl(account.slug) + "/jobs/" + job.reference + "/poll")
                    .put("job_reference_id", job.reference)
                    .put("return", "msg, poll_endpoint, job_reference_id");
        }
        return Future.succeededFuture(Reply.json(200, answer));
    }

    /** A job reference: 20 upper-case letters and digits (the vendor's format is not documented), unique here. */
    String newReference() {
        String reference;
        do {
            reference = Credentials.jobReference();
        } while (state.jobs.containsKey(reference));
        return reference;
    }

    /** Stores the job and sets the timer that completes it when its processing time is over. */
    void add(Job job) {
        state.jobs.put(job.reference, job);
        schedule(job);
        state.changed();
    }

    void schedule(Job job) {
        long wait = Math.max(1, job.completesAt.toEpochMilli() - System.currentTimeMillis());
        job.timerId = vertx.setTimer(wait, id -> complete(job));
    }

    /** Finishes the job now if nobody is doing so already; the future completes when its outputs exist. */
    Future<Void> complete(Job job) {
        if (job.completed()) {
            return Future.succeededFuture();
        }
        if (job.startCompletion()) {
            if (job.timerId >= 0) {
                vertx.cancelTimer(job.timerId);
            }
            vertx.<Void> executeBlocking(() -> {
                completion.complete(job);
                return null;
            }, false).onComplete(done -> {
                job.finished(done.cause());
                if (done.succeeded()) {
                    webhooks.notifyOnce(job);
                } else {
                    LOG.log(Level.SEVERE, "Sandbox job " + job.reference + " could not be completed", done.cause());
                }
            });
        }
        return job.completion();
    }

    // ---- poll and details ------------------------------------------------------------------------

    private void lookup(RoutingContext ctx, SandboxCall call) {
        JsonNode json = Json.objectOrNull(bytes(ctx));
        String key = text(json, "key");
        String secret = text(json, "secret");
        String id = ctx.pathParam("id") != null ? ctx.pathParam("id") : ctx.queryParams().get("job_reference_id");
        String reference = id != null && !id.isBlank() ? id : json == null ? "" : json.path("job_reference_id").asText("");
        pipeline(ctx, call, null, true, key, secret, account -> {
            Job job = state.jobs.get(reference);
            if (job == null || !job.accountSlug.equals(account.slug)) {
                return reject("There is no job with this job_reference_id for this account.");
            }
            (call == SandboxCall.POLL ? job.polls : job.details).incrementAndGet();
            Future<Void> ready = !job.completed() && job.due(Instant.now()) ? complete(job) : Future.succeededFuture();
            return ready.map(v -> call == SandboxCall.POLL ? pollAnswer(account, job) : detailsAnswer(account, job));
        });
    }

    private Reply pollAnswer(Account account, Job job) {
        boolean older = account.settings.pollStyle() == PollStyle.OLDER;
        if (!job.completed()) {
            return older ? IN_PROGRESS_OLDER : IN_PROGRESS_NEWER;
        }
        Instant expires = Instant.now().plus(state.linkLifetime(account));
        ObjectNode answer = Json.object();
        answer.put("msg", "SUCCESS: Job completed. ");
        ArrayNode transcripts = answer.putArray(older ? "transcript_location" : "transcript_url");
        ArrayNode media = answer.putArray("media_files");
        for (StoredFile file : state.outputsOf(job)) {
            (StoredFile.TRANSCRIPT.equals(file.role()) ? transcripts : media).add(link(account.slug, file, expires));
        }
        if (!older) {
            ArrayNode fields = answer.putArray("extracted_fields");
            job.extractedFields.forEach(f -> fields.add(Json.MAPPER.valueToTree(f)));
        }
        if (job.raw) {
            // is_raw=1: the raw transcript text under finished_transcript, in addition to the links (docs/claudio.md)
            answer.putArray("finished_transcript").add(text(job));
        }
        answer.put("return", older ? "msg, transcript_location" + (job.raw ? ", finished_transcript" : "")
                : "msg, transcript_url, media_files, extracted_fields" + (job.raw ? ", finished_transcript" : ""));
        return Reply.json(200, answer);
    }

    private Reply detailsAnswer(Account account, Job job) {
        Instant expires = Instant.now().plus(state.linkLifetime(account));
        boolean completed = job.completed();
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.put("msg", completed ? "SUCCESS: Job completed successfully." : "NOTICE: The job is in progress.");
        ObjectNode jobData = answer.putObject("job_data");
        ObjectNode info = jobData.putObject("job_info");
        info.put("job_reference_id", job.reference)
                .put("job_name", job.jobName)
                .put("status", completed ? "completed" : "processing")
                .put("profile_name", job.profileName)
                .put("submitted_at", job.submittedAt.toString());
        if (job.completedAt == null || !completed) {
            info.putNull("completed_at");
        } else {
            info.put("completed_at", job.completedAt.toString());
        }
        if (job.totalAudioSeconds == null || !completed) {
            info.putNull("total_audio_length");
        } else {
            info.put("total_audio_length", String.format(Locale.ROOT, "%.1f", job.totalAudioSeconds));
        }
        info.put("is_blank_audio", false).putNull("error_message");
        ObjectNode files = jobData.putObject("job_files");
        ArrayNode inputFiles = files.putArray("input_files");
        List<Job.Input> inputs = new ArrayList<>(job.inputs);
        inputs.sort(java.util.Comparator.comparing(Job.Input::role).thenComparingInt(Job.Input::position));
        for (Job.Input input : inputs) {
            StoredFile file = state.files.get(input.fileId());
            inputFiles.addObject()
                    .put("filename", input.filename().isBlank() ? file.filename() : input.filename())
                    .put("file_type", StoredFile.AUDIO.equals(input.role()) ? "audio" : "attachment")
                    .put("file_size", file.sizeBytes())
                    .put("download_url", link(account.slug, file, expires));
        }
        ObjectNode outputFiles = files.putObject("output_files");
        ArrayNode transcripts = outputFiles.putArray("transcripts");
        ArrayNode media = outputFiles.putArray("media_files");
        if (completed) {
            for (StoredFile file : state.outputsOf(job)) {
                if (StoredFile.TRANSCRIPT.equals(file.role())) {
                    transcripts.addObject().put("filename", file.filename()).put("file_subtype", "final_transcript")
                            .put("file_size", file.sizeBytes()).put("download_url", link(account.slug, file, expires)).put("language_code", "en");
                } else {
                    media.addObject().put("filename", file.filename()).put("file_subtype", "processed_media")
                            .put("file_size", file.sizeBytes()).put("download_url", link(account.slug, file, expires)).put("detail", file.detail());
                }
            }
        }
        return Reply.json(200, answer);
    }

    /** The transcript text: kept for jobs with inputs, made afresh for bulk-made jobs. */
    private static String text(Job job) {
        return job.rawText != null ? job.rawText : new String(JobCompletion.syntheticText(job), StandardCharsets.UTF_8);
    }

    // ---- downloads --------------------------------------------------------------------------------

    /**
     * A download link. Like a pre-signed S3 URL: no credentials; a stale one gets 403 with an XML
     * body; with retention on, a transcript is replaced by the "transcript deleted" PDF (200).
     */
    private Future<Reply> download(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        LinkSigner.Verified verified = signer.verify(ctx.pathParam("token"));
        if (!verified.ok()) {
            String message = verified.rejection() == LinkSigner.Rejection.EXPIRED ? "Request has expired" : "Access Denied";
            return Future.succeededFuture(Reply.s3Error(403, "AccessDenied", message));
        }
        StoredFile file = state.files.get(verified.fileId());
        Account account = state.accounts.get(slug);
        if (file == null || account == null || !file.accountSlug().equals(slug)) {
            return Future.succeededFuture(Reply.s3Error(404, "NoSuchKey", "The specified key does not exist."));
        }
        if (account.settings.retention() && StoredFile.TRANSCRIPT.equals(file.role())) {
            return Future.succeededFuture(Reply.bytes(200, "application/pdf", deletedPdf, "transcript-deleted.pdf"));
        }
        if (file.storagePath() == null) {
            Job job = state.jobs.get(file.jobReference());
            return Future.succeededFuture(job == null ? Reply.s3Error(404, "NoSuchKey", "The specified key does not exist.")
                    : Reply.bytes(200, file.contentType(), JobCompletion.syntheticText(job), file.filename()));
        }
        Path path = storage.resolve(file.storagePath());
        return vertx.executeBlocking(() -> Files.isRegularFile(path), false)
                .map(exists -> exists ? Reply.file(path, file.contentType(), file.filename())
                        : Reply.s3Error(404, "NoSuchKey", "The specified key does not exist."));
    }

    private String link(String slug, StoredFile file, Instant expires) {
        return urls.downloadUrl(slug, signer.sign(file.id(), expires), file.filename());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Optional<StoredFile> uploaded(String slug, String location, String role) {
        return SandboxUrls.uploadedFileId(slug, location).map(state.files::get)
                .filter(f -> f.accountSlug().equals(slug) && role.equals(f.role()) && f.upload());
    }

    private static Job.Input input(int position, StoredFile file, String filename, String start, String end, String docType) {
        return new Job.Input(file.role(), position, file.id(), filename.isBlank() ? file.filename() : filename, start, end, docType);
    }

    /** "1"/"0" as the sample shows, but 1/0 and true/false too (the type is undocumented). */
    static Boolean isRaw(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        return switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
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

    private static Future<Reply> reject(String detail) {
        return Future.succeededFuture(Reply.rejected(detail));
    }

    private static String text(JsonNode json, String field) {
        return json == null || !json.hasNonNull(field) ? null : json.get(field).asText();
    }

    private static byte[] bytes(RoutingContext ctx) {
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        return buffer == null ? new byte[0] : buffer.getBytes();
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            ctx.response().putHeader("Connection", "close");
            Responder.write(ctx, Reply.rejected("The request is larger than the sandbox accepts."));
        } else if (status >= 400 && status < 500 && ctx.failure() == null) {
            Responder.write(ctx, Reply.error(status, "ERROR: Unexpected error occurred. "));
        } else {
            LOG.log(Level.SEVERE, "Sandbox request failed", ctx.failure());
            Responder.write(ctx, Reply.error(500, "ERROR: Internal Server Error"));
        }
    }

    static String contentDisposition(String filename) {
        return "attachment; filename=\"" + filename.replaceAll("[^\\x20-\\x7e]|\"", "_") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void headers(HttpServerResponse response, Reply reply) {
        response.setStatusCode(reply.status()).putHeader("Content-Type", reply.contentType()).putHeader("Cache-Control", "no-store");
        if (reply.filename() != null) {
            response.putHeader("Content-Disposition", contentDisposition(reply.filename()));
        }
    }
}
