package com.claudioportal.upload;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
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
 * signature and are told apart by their entries ({@link DocumentContainers}). Documents that are
 * web pages, XML, SVG or scripts are refused, even when Tika calls them text, and so are files with
 * markup near their start (a PDF that is also an HTML page).
 */
@ApplicationScoped
public class ContentInspector {

    /** What the file turned out to be; {@code problem} is set when it may not be used as {@code kind}. */
    public record Inspection(String contentType, Double durationSeconds, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final Tika tika = new Tika();

    @Inject
    UploadConfig config;

    public Inspection inspect(Path file, String filename, UploadKind kind) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // the bytes alone: with the name as a hint, Tika takes bytes it does not know for what the name says
            detected = tika.detect(in);
        }
        String type = MediaType.parse(detected).getBaseType().toString().toLowerCase(Locale.ROOT);
        if (kind == UploadKind.DOCUMENT) {
            type = refineContainer(file, filename, type);
        }
        boolean accepted = kind == UploadKind.AUDIO ? isAccepted(MediaType.parse(type), config.audioTypes())
                : isAcceptedDocument(type, config.documentTypes());
        if (!accepted) {
            return refused(filename, kind, type, describe(type));
        }
        if (kind == UploadKind.DOCUMENT && hasActiveContent(file, type)) {
            return refused(filename, kind, type, Words.of(JobMessages.class).up_why_active());
        }
        return new Inspection(type, kind == UploadKind.AUDIO ? duration(file).orElse(null) : null, null);
    }

    private static Inspection refused(String filename, UploadKind kind, String type, String what) {
        return new Inspection(type, null, Words.of(JobMessages.class).up_refused(filename, kind == UploadKind.AUDIO, what));
    }

    /**
     * Zip-based documents are told apart by their entries (Word, OpenDocument, Word with macros).
     * Old Word files are OLE2 containers, which Tika's core cannot look into: for those alone the
     * name decides between .doc and another Office format.
     */
    private String refineContainer(Path file, String filename, String type) throws IOException {
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml") || type.equals("application/x-tika-ooxml-protected")) {
            String inside = DocumentContainers.identify(file);
            return inside == null ? "application/zip" : inside;
        }
        if (type.equals("application/x-tika-msoffice")) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                return MediaType.parse(tika.detect(in, filename)).getBaseType().toString().toLowerCase(Locale.ROOT);
            }
        }
        return type;
    }

    /**
     * Whether the type, or a type it specialises, is on the list (recordings: a type Tika names
     * more precisely than the list, like a WAV variant, is still that recording).
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

    /**
     * Documents: the type itself must be on the list. Tika counts HTML, XML, SVG and scripts as
     * kinds of text, so walking up to text/plain would let them through. The one exception is a
     * letter whose first lines read "Claimant: …", which Tika takes for an e-mail: it is plain text.
     */
    private static boolean isAcceptedDocument(String type, java.util.List<String> accepted) {
        return accepted.contains(type) || (type.equals("message/rfc822") && accepted.contains("text/plain"));
    }

    /**
     * Markup and script markers: in a text file anywhere in its first megabyte, in a PDF in its first
     * kilobyte, where a PDF that is also a web page keeps its HTML. (Zip documents have their
     * structure checked instead; their stored entries legitimately start with {@code <?xml}.)
     */
    private static final java.util.regex.Pattern ACTIVE = java.util.regex.Pattern.compile(
            "<\\s*(script|html|svg|iframe|object|embed|body|head|meta|form|style)\\b|<\\?xml|<\\?php|<!doctype|javascript:|<%",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    static boolean hasActiveContent(Path file, String type) throws IOException {
        boolean text = type.startsWith("text/") || type.equals("message/rfc822");
        if (!text && !type.equals("application/pdf")) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(text ? 1_000_000 : 1024);
        }
        String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return ACTIVE.matcher(s).find() || (text && s.startsWith("#!"));
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
        JobMessages words = Words.of(JobMessages.class);
        if (type.equals(MimeTypes.OCTET_STREAM)) {
            return words.up_why_unknown();
        }
        if (type.equals("application/pdf")) {
            return words.up_why_pdf();
        }
        if (type.startsWith("image/")) {
            return words.up_why_image();
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return words.up_why_recording();
        }
        if (type.startsWith("text/")) {
            return words.up_why_text();
        }
        if (type.contains("zip")) {
            return words.up_why_zip();
        }
        return words.up_why_type(type);
    }
}
