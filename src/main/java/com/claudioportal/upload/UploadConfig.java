package com.claudioportal.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Files staff upload before a job is submitted. */
@ConfigMapping(prefix = "portal.uploads")
public interface UploadConfig {

    /** Where uploads wait until Claudio has them; never a served directory (env {@code PORTAL_DATA_DIR}). */
    Path storageDir();

    /** Largest audio/video file, in bytes: Claudio documents 250 MB (env {@code PORTAL_UPLOADS_MAX_AUDIO_BYTES}). */
    @WithDefault("250000000")
    long maxAudioBytes();

    /** Largest document, in bytes (env {@code PORTAL_UPLOADS_MAX_DOCUMENT_BYTES}). */
    @WithDefault("50000000")
    long maxDocumentBytes();

    /** Content types accepted as recordings, as detected from the file's bytes. */
    @WithDefault("audio/mpeg,audio/wav,audio/vnd.wave,audio/x-wav,audio/mp4,audio/x-m4a,audio/aac,audio/x-aac,audio/ogg,audio/opus,"
            + "audio/vorbis,audio/webm,audio/flac,audio/x-flac,audio/amr,audio/3gpp,audio/x-aiff,audio/aiff,audio/basic,"
            + "audio/x-ms-wma,video/mp4,video/quicktime,video/webm,video/x-matroska,application/x-matroska,video/3gpp,video/x-msvideo,video/x-ms-wmv,"
            + "video/mpeg,video/ogg,application/ogg")
    List<String> audioTypes();

    /** Content types accepted as documents, as detected from the file's bytes (and name for zip-based formats). */
    @WithDefault("application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/rtf,text/rtf,application/vnd.oasis.opendocument.text,text/plain")
    List<String> documentTypes();

    /** Uploads not used by a job are deleted after this long. */
    @WithDefault("24H")
    Duration abandonedAfter();
}
