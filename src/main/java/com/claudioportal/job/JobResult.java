package com.claudioportal.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What Claudio returned for a completed job. Links expire (Claudio re-issues them on every poll),
 * so the job page offers them through the portal, which fetches fresh ones on click.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResult(List<String> transcriptUrls, List<String> mediaFiles, List<Map<String, Object>> extractedFields,
        String rawText, Instant linksIssuedAt) {

    public JobResult {
        transcriptUrls = transcriptUrls == null ? List.of() : List.copyOf(transcriptUrls);
        mediaFiles = mediaFiles == null ? List.of() : List.copyOf(mediaFiles);
        extractedFields = extractedFields == null ? List.of() : List.copyOf(extractedFields);
    }

    /** A numbered link with a readable name, for the job page. */
    public record Link(int index, String name) {
    }

    /** An extracted field as people read it. Claudio does not document the shape: label, key or name; value; source. */
    public record Extracted(String label, String value, String source) {
    }

    public List<Extracted> extracted() {
        java.util.ArrayList<Extracted> out = new java.util.ArrayList<>();
        for (Map<String, Object> f : extractedFields) {
            Object label = first(f, "label", "ui_label", "name", "key", "field");
            Object value = first(f, "value", "input_value", "text", "extracted_value");
            if (label != null && value != null) {
                Object source = first(f, "source", "filename", "document");
                out.add(new Extracted(String.valueOf(label), String.valueOf(value), source == null ? null : String.valueOf(source)));
            } else {
                f.forEach((k, v) -> out.add(new Extracted(k, String.valueOf(v), null)));
            }
        }
        return out;
    }

    private static Object first(Map<String, Object> map, String... keys) {
        for (String k : keys) {
            Object v = map.get(k);
            if (v != null && !String.valueOf(v).isBlank()) {
                return v;
            }
        }
        return null;
    }

    public List<Link> transcripts() {
        return links(transcriptUrls, n -> Words.of(JobMessages.class).item_transcript(n));
    }

    public List<Link> media() {
        return links(mediaFiles, n -> Words.of(JobMessages.class).item_media(n));
    }

    /** Numbered as Claudio lists them (the index fetches a fresh link), shown in natural order: dictée-2 before dictée-10. */
    private static List<Link> links(List<String> urls, java.util.function.IntFunction<String> fallback) {
        java.util.ArrayList<Link> links = new java.util.ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            links.add(new Link(i, nameOf(urls.get(i), fallback.apply(i + 1))));
        }
        links.sort(java.util.Comparator.comparing(Link::name, NaturalOrder.INSTANCE));
        return links;
    }

    /** A readable name for a link: the file name in the URL, if any. */
    public static String nameOf(String url, String fallback) {
        if (url == null) {
            return fallback;
        }
        String path = url.split("[?#]", 2)[0];
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            last = java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep it as it is
        }
        return last.contains(".") && last.length() <= 120 ? last : fallback;
    }
}
