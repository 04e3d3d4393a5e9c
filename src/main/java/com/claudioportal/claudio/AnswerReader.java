package com.claudioportal.claudio;

import static com.claudioportal.claudio.TolerantJson.hasAny;
import static com.claudioportal.claudio.TolerantJson.looksLikeUrl;
import static com.claudioportal.claudio.TolerantJson.message;
import static com.claudioportal.claudio.TolerantJson.normalise;
import static com.claudioportal.claudio.TolerantJson.object;
import static com.claudioportal.claudio.TolerantJson.strings;
import static com.claudioportal.claudio.TolerantJson.tag;
import static com.claudioportal.claudio.TolerantJson.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns Claudio's HTTP answers into typed results, accepting every variant the vendor's pages show
 * (docs/claudio.md §1.2 and §1.4). HTTP status decides failures; for a 200 the JSON decides the outcome.
 */
final class AnswerReader {

    /** Keys that carry transcripts: newer Poll, older Poll, and the Submit page's {@code is_raw} prose. */
    static final String[] TRANSCRIPT_KEYS = { "transcript_url", "transcript_location", "finished_transcript",
            "transcript_urls" };
    /** Not documented; accepted in case raw text comes under its own key. */
    static final String[] RAW_TEXT_KEYS = { "raw_transcript", "transcript_text" };
    static final String[] MEDIA_KEYS = { "media_files", "media_file" };
    static final String[] AUDIO_URL_KEYS = { "audio_url", "file_url", "url", "location", "media_url" };
    static final String[] DOCUMENT_URL_KEYS = { "file_url", "document_url", "doc_url", "url", "location", "audio_url" };

    private final Redactor redactor;
    private final UnaryOperator<String> links;

    /** {@code links} turns a relative link Claudio returned into an absolute one. */
    AnswerReader(Redactor redactor, UnaryOperator<String> links) {
        this.redactor = redactor;
        this.links = links;
    }

    ClaudioResult<UploadedFile> upload(Exchange.Answered answer, boolean audio) {
        ClaudioResult<UploadedFile> failure = failureOf(answer);
        if (failure != null) {
            return failure;
        }
        JsonNode json = object(answer.body());
        String url = firstUrl(json, audio ? AUDIO_URL_KEYS : DOCUMENT_URL_KEYS);
        if (url == null) {
            url = anyUrl(json);
        }
        if (url == null) {
            return unexpected("no file URL in Claudio's answer to the upload" + quote(message(json)));
        }
        return ClaudioResult.success(new UploadedFile(url, clean(message(json))));
    }

    /**
     * A 2xx Submit answer without a job reference may still have created a job, so it is reported
     * as {@link ClaudioFailure.OutcomeUnknown}, never as something safe to send again.
     */
    ClaudioResult<SubmittedJob> submit(Exchange.Answered answer) {
        if (answer.status() / 100 == 2) {
            JsonNode json = answer.oversized() ? null : object(answer.body());
            String id = text(json, "job_reference_id");
            if (id == null || id.isBlank()) {
                return ClaudioResult.failure(new ClaudioFailure.OutcomeUnknown(
                        json == null ? "Claudio answered with " + describe(answer)
                                : "Claudio's answer has no job_reference_id" + quote(message(json))));
            }
            String message = clean(message(json));
            String pollEndpoint = text(json, "poll_endpoint");
            boolean webhook = message != null && message.toLowerCase(Locale.ROOT).contains("webhook");
            return ClaudioResult.success(new SubmittedJob(id.strip(),
                    pollEndpoint == null || pollEndpoint.isBlank() ? null : pollEndpoint.strip(), message, webhook));
        }
        return failureOf(answer);
    }

    ClaudioResult<JobStatus> poll(Exchange.Answered answer) {
        ClaudioResult<JobStatus> failure = failureOf(answer);
        if (failure != null) {
            return failure;
        }
        JsonNode json = object(answer.body());
        String message = message(json);
        String tag = tag(message);
        List<String> urls = new ArrayList<>();
        List<String> rawParts = new ArrayList<>();
        for (String entry : strings(json, TRANSCRIPT_KEYS)) {
            if (looksLikeUrl(entry)) {
                urls.add(links.apply(entry.strip()));
            } else {
                rawParts.add(entry);
            }
        }
        for (String entry : strings(json, RAW_TEXT_KEYS)) {
            if (!looksLikeUrl(entry)) {
                rawParts.add(entry);
            }
        }
        List<String> media = strings(json, MEDIA_KEYS).stream().map(m -> looksLikeUrl(m) ? links.apply(m.strip()) : m).toList();
        boolean anyTranscript = !urls.isEmpty() || !rawParts.isEmpty();
        if (tag.equals("NOTICE") && !anyTranscript) {
            return ClaudioResult.success(new JobStatus.InProgress(clean(message), media));
        }
        if (tag.equals("SUCCESS") || anyTranscript || (hasAny(json, TRANSCRIPT_KEYS) && !tag.equals("NOTICE"))) {
            return ClaudioResult.success(new JobStatus.Completed(clean(message), List.copyOf(urls), media,
                    TolerantJson.fieldList(json.get("extracted_fields")),
                    rawParts.isEmpty() ? null : redactor.scrub(String.join("\n\n", rawParts))));
        }
        return unexpected("a Poll answer that is neither in progress nor completed" + quote(message));
    }

    ClaudioResult<JobDetails> details(Exchange.Answered answer, String requestedId) {
        ClaudioResult<JobDetails> failure = failureOf(answer);
        if (failure != null) {
            return failure;
        }
        JsonNode json = object(answer.body());
        JsonNode jobData = json.path("job_data").isObject() ? json.get("job_data") : json;
        JsonNode info = firstObject(jobData.get("job_info"), json.get("job_info"));
        JsonNode files = firstObject(jobData.get("job_files"), json.get("job_files"));
        if (info == null && files == null) {
            return unexpected("a Get Job Details answer without job_info or job_files" + quote(message(json)));
        }
        List<JobDetails.FileEntry> inputs = files == null ? List.of() : fileEntries(files.get("input_files"), "file_type");
        JsonNode outputs = files == null ? null : files.get("output_files");
        List<JobDetails.FileEntry> transcripts = outputs == null ? List.of()
                : outputs.isArray() ? fileEntries(outputs, "file_subtype")
                : fileEntries(outputs.get("transcripts"), "file_subtype");
        List<JobDetails.FileEntry> outputFiles = new ArrayList<>();
        if (outputs != null && outputs.isArray()) {
            outputFiles.addAll(transcripts);
        } else if (outputs != null && outputs.isObject()) {
            // the documented object has a transcripts group; "further output groups, if any" are not visible: take every array
            outputs.fields().forEachRemaining(group -> {
                if (group.getValue().isArray()) {
                    for (JobDetails.FileEntry f : fileEntries(group.getValue(), "file_subtype")) {
                        outputFiles.add(f.kind() == null ? new JobDetails.FileEntry(f.filename(), group.getKey(), f.fileSize(),
                                f.downloadUrl(), f.languageCode()) : f);
                    }
                }
            });
        }
        String id = text(info, "job_reference_id");
        return ClaudioResult.success(new JobDetails(id == null || id.isBlank() ? requestedId : id.strip(),
                text(info, "job_name"), text(info, "status"), text(info, "profile_name"), text(info, "submitted_at"),
                text(info, "completed_at"), info == null ? null : TolerantJson.seconds(info.get("total_audio_length")),
                info == null ? null : TolerantJson.bool(info.get("is_blank_audio")),
                redactor.scrub(text(info, "error_message")), inputs, transcripts, List.copyOf(outputFiles)));
    }

    /**
     * The connection check polls a made-up job reference: any Claudio-shaped JSON answer other
     * than 401 means the base URL answers and the key and secret were accepted.
     */
    ClaudioResult<ConnectionCheck> check(Exchange.Answered answer) {
        int status = answer.status();
        if (answer.oversized()) {
            return unexpected(describe(answer));
        }
        JsonNode json = object(answer.body());
        if (status == 401) {
            return ClaudioResult.failure(new ClaudioFailure.Unauthorized(clean(message(json))));
        }
        if (status >= 500) {
            return ClaudioResult.failure(new ClaudioFailure.VendorError(status, clean(message(json))));
        }
        if ((status == 200 || status == 400 || status == 404) && json != null
                && hasAny(json, "msg", "message", "success", "return", "transcript_url", "transcript_location")) {
            return ClaudioResult.success(new ConnectionCheck("Claudio answered (HTTP " + status
                    + " for a made-up job reference) and accepted the API key and secret"));
        }
        if (json == null) {
            return unexpected(describe(answer));
        }
        return ClaudioResult.failure(new ClaudioFailure.VendorError(status, clean(message(json))));
    }

    /** Null when the answer is a 2xx JSON object; otherwise the failure it stands for. */
    private <T> ClaudioResult<T> failureOf(Exchange.Answered answer) {
        int status = answer.status();
        if (answer.oversized()) {
            return unexpected(describe(answer));
        }
        JsonNode json = object(answer.body());
        if (status / 100 == 2) {
            return json == null ? unexpected(describe(answer)) : null;
        }
        String message = clean(message(json));
        if (status == 400) {
            return ClaudioResult.failure(new ClaudioFailure.Rejected(message));
        }
        if (status == 401) {
            return ClaudioResult.failure(new ClaudioFailure.Unauthorized(message));
        }
        return ClaudioResult.failure(new ClaudioFailure.VendorError(status, message));
    }

    private List<JobDetails.FileEntry> fileEntries(JsonNode array, String kindKey) {
        List<JobDetails.FileEntry> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode entry : array) {
            if (!entry.isObject()) {
                continue;
            }
            String url = text(entry, "download_url", "url", "location");
            out.add(new JobDetails.FileEntry(text(entry, "filename", "file_name", "name"),
                    text(entry, kindKey, "file_type", "file_subtype"), TolerantJson.longValue(entry.get("file_size")),
                    url != null && looksLikeUrl(url) ? links.apply(url.strip()) : url, text(entry, "language_code")));
        }
        return out;
    }

    private static JsonNode firstObject(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c != null && c.isObject()) {
                return c;
            }
        }
        return null;
    }

    private static String firstUrl(JsonNode json, String[] keys) {
        for (String key : keys) {
            JsonNode value = json.get(key);
            if (value != null && value.isTextual() && looksLikeUrl(value.asText())) {
                return value.asText().strip();
            }
            if (value != null && value.isArray() && value.size() > 0 && value.get(0).isTextual()
                    && looksLikeUrl(value.get(0).asText())) {
                return value.get(0).asText().strip();
            }
        }
        return null;
    }

    private static String anyUrl(JsonNode json) {
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) json::fields) {
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if ((name.endsWith("url") || name.endsWith("location")) && field.getValue().isTextual()
                    && looksLikeUrl(field.getValue().asText())) {
                return field.getValue().asText().strip();
            }
        }
        return null;
    }

    private String clean(String message) {
        return redactor.scrub(normalise(message));
    }

    private String quote(String vendorMessage) {
        String m = clean(vendorMessage);
        return m == null || m.isBlank() ? "" : " (\u201c" + m + "\u201d)";
    }

    private <T> ClaudioResult<T> unexpected(String description) {
        return ClaudioResult.failure(new ClaudioFailure.UnexpectedAnswer(redactor.scrub(description)));
    }

    /** What a non-JSON answer looked like, without repeating its content. */
    static String describe(Exchange.Answered answer) {
        int status = answer.status();
        if (answer.oversized()) {
            return "an answer too large to read (HTTP " + status + ")";
        }
        byte[] body = answer.body();
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
        String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return "an empty answer (HTTP " + status + ")";
        }
        if (type.contains("html") || start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "an HTML page instead of JSON (HTTP " + status + ")";
        }
        if (TolerantJson.isJson(body)) {
            return "JSON that is not an object (HTTP " + status + ")";
        }
        String shownType = type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+.*") ? ", " + type.split(";")[0] : "";
        return "an answer that is not JSON (HTTP " + status + shownType + ")";
    }
}
