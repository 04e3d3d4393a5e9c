package com.claudioportal.claudio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body made of small text fields and one file that is streamed from disk.
 * The head and tail are prepared in memory (a few hundred bytes) so the exact Content-Length is
 * known: the file itself never enters the heap, and the request is not chunked, which more
 * upload servers accept.
 */
final class MultipartUpload {

    private final String boundary = "----claudio-portal-" + UUID.randomUUID().toString().replace("-", "");
    private final Path file;
    private final long fileSize;
    private final byte[] head;
    private final byte[] tail;

    MultipartUpload(Map<String, String> fields, String fileField, String filename, String mediaType, Path file,
            long fileSize) {
        this.file = file;
        this.fileSize = fileSize;
        StringBuilder h = new StringBuilder();
        for (Map.Entry<String, String> field : new LinkedHashMap<>(fields).entrySet()) {
            h.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(field.getKey())).append("\"\r\n")
                    .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                    .append(field.getValue() == null ? "" : field.getValue()).append("\r\n");
        }
        h.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quoted(fileField))
                .append("\"; filename=\"").append(quoted(filename)).append("\"\r\n")
                .append("Content-Type: ").append(mediaType).append("\r\n\r\n");
        this.head = h.toString().getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Escapes a name the way browsers do (HTML's multipart/form-data encoding): quotes and line
     * breaks are percent-encoded, everything else, including non-ASCII letters, is sent as UTF-8.
     */
    static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    long contentLength() {
        return head.length + fileSize + tail.length;
    }

    byte[] head() {
        return head;
    }

    byte[] tail() {
        return tail;
    }

    Path file() {
        return file;
    }
}
