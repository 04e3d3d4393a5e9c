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

    /**
     * Files one person may be uploading at the same time (env {@code PORTAL_UPLOADS_MAX_CONCURRENT_PER_USER});
     * the submit page sends no more at once and queues the rest. Counted per portal instance.
     */
    @WithDefault("4")
    int maxConcurrentPerUser();

    /**
     * Bytes a tenant may keep in the portal's storage waiting for Claudio: uploads not yet sent,
     * used by a job or not (env {@code PORTAL_UPLOADS_TENANT_QUOTA_BYTES}; shown on the submit form).
     */
    @WithDefault("10000000000")
    long tenantQuotaBytes();

    /**
     * The slowest an upload may arrive, averaged over {@link #rateWindow()} (env
     * {@code PORTAL_UPLOADS_MIN_BYTES_PER_SECOND}): a trickling upload holding a connection and a
     * half-written file is aborted and its file deleted. 0 turns the check off.
     */
    @WithDefault("4096")
    long minBytesPerSecond();

    /** The window {@link #minBytesPerSecond()} is measured over (and the grace before the first check). */
    @WithDefault("60S")
    Duration rateWindow();

    /**
     * Files in the storage directory with no upload row (a crash between writing the file and
     * committing its row) and half-written incoming files are deleted once untouched for this long.
     */
    @WithDefault("6H")
    Duration orphanAfter();
}
