package com.claudioportal.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what an uploaded file really is from its bytes (Apache Tika's magic detection), not from
 * the name or the browser's claim. Zip-based documents (.docx, .odt) have the generic zip
 * signature, so for those the name may refine a zip into the specific format.
 */
@ApplicationScoped
public class ContentInspector {

    /** What the file turned out to be; {@code problem} is set when it may not be used as {@code kind}. */
    public record Inspection(String contentType, Double durationSeconds, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Zip-based formats Tika's magic cannot tell apart without parsing: for these the name decides. */
    private static final java.util.Set<String> ZIP_CONTAINERS = java.util.Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice");

    private final Tika tika = new Tika();

    @Inject
    UploadConfig config;

    public Inspection inspect(Path file, String filename, UploadKind kind) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // the bytes alone: with the name as a hint, Tika takes unrecognised bytes for whatever the name says
            detected = tika.detect(in);
        }
        if (ZIP_CONTAINERS.contains(MediaType.parse(detected).getBaseType().toString())) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                detected = tika.detect(in, filename);
            }
        }
        String type = MediaType.parse(detected).getBaseType().toString().toLowerCase(Locale.ROOT);
        boolean accepted = isAccepted(MediaType.parse(type), kind == UploadKind.AUDIO ? config.audioTypes() : config.documentTypes());
        if (!accepted) {
            return new Inspection(type, null, "\u201c" + filename + "\u201d is not " + (kind == UploadKind.AUDIO
                    ? "an audio or video recording" : "a document the portal accepts (PDF, Word, RTF, OpenDocument or text)")
                    + describe(type) + ". Choose " + (kind == UploadKind.AUDIO ? "a recording" : "a document") + " and try again.");
        }
        return new Inspection(type, kind == UploadKind.AUDIO ? duration(file).orElse(null) : null, null);
    }

    /**
     * Whether the type, or a type it specialises, is on the list: a letter whose first lines read
     * "Claimant: …" is detected as an e-mail message, which Tika knows to be a kind of text.
     */
    private static boolean isAccepted(MediaType type, java.util.List<String> accepted) {
        MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
        for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
            if (accepted.contains(t.getBaseType().toString())) {
                return true;
            }
        }
        return false;
    }

    /** The length of WAV, AIFF and AU recordings, which the JDK can read; others are unknown here. */
    static Optional<Double> duration(Path file) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            if (frames > 0 && rate > 0) {
                return Optional.of(frames / (double) rate);
            }
        } catch (UnsupportedAudioFileException | IOException e) {
            // not a format the JDK reads: the duration stays unknown
        }
        return Optional.empty();
    }

    private static String describe(String type) {
        if (type.equals(MimeTypes.OCTET_STREAM)) {
            return " (its content was not recognised)";
        }
        if (type.equals("application/pdf")) {
            return " (it is a PDF document)";
        }
        if (type.startsWith("image/")) {
            return " (it is an image)";
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return " (it is a recording)";
        }
        if (type.startsWith("text/")) {
            return " (it is a text file)";
        }
        if (type.contains("zip")) {
            return " (it is a zip archive)";
        }
        return " (it looks like " + type + ")";
    }
}
