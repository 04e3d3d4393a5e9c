package com.claudioportal.claudio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The filename and media type an uploaded part is sent with. */
final class PartNames {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"),
            Map.entry("aac", "audio/aac"), Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/opus"), Map.entry("flac", "audio/flac"), Map.entry("wma", "audio/x-ms-wma"),
            Map.entry("amr", "audio/amr"), Map.entry("aif", "audio/aiff"), Map.entry("aiff", "audio/aiff"),
            Map.entry("au", "audio/basic"), Map.entry("dss", "audio/x-dss"), Map.entry("ds2", "audio/x-ds2"),
            Map.entry("webm", "video/webm"), Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("rtf", "application/rtf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"));

    private PartNames() {
    }

    /**
     * The original name as the user's computer knew it, without any directory a browser may have
     * sent along; the stored file's (temporary) name only when no original name is known.
     */
    static String filename(String originalFilename, Path file) {
        String name = originalFilename == null ? "" : originalFilename.strip();
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1).strip();
        return name.isEmpty() ? file.getFileName().toString() : name;
    }

    static String mediaType(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
