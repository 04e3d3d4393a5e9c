package com.claudioportal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.claudioportal.infra.TestFiles;

/** What a file is comes from its bytes; the name only refines zip-based documents. */
class ContentInspectorTest {

    @TempDir
    Path dir;

    final ContentInspector inspector = inspector();

    @Test
    void aWavIsARecordingWithItsLength() throws IOException {
        var inspection = inspector.inspect(TestFiles.wav("inspect-3s.wav", 3), "dictation.wav", UploadKind.AUDIO);
        assertTrue(inspection.ok(), inspection.problem());
        assertEquals("audio/vnd.wave", inspection.contentType());
        assertEquals(3.0, inspection.durationSeconds(), 0.001);
    }

    @Test
    void aPdfNamedMp3IsRefusedAsARecordingAndSaysWhatItIs() throws IOException {
        var inspection = inspector.inspect(TestFiles.pdf("inspect.pdf"), "interview.mp3", UploadKind.AUDIO);
        assertFalse(inspection.ok());
        assertEquals("application/pdf", inspection.contentType());
        assertEquals("\u201cinterview.mp3\u201d is not an audio or video recording (it is a PDF document). Choose a recording and try again.",
                inspection.problem());
        assertNull(inspection.durationSeconds());
    }

    @Test
    void documentsAreAcceptedByContentWithoutALength() throws IOException {
        var pdf = inspector.inspect(TestFiles.pdf("inspect-doc.pdf"), "loi.pdf", UploadKind.DOCUMENT);
        assertTrue(pdf.ok(), pdf.problem());
        assertNull(pdf.durationSeconds(), "documents have no length");
        var letter = inspector.inspect(TestFiles.text("inspect-letter.txt", "Claimant: A. Person\nInsurer: Somebody\n"), "letter.txt",
                UploadKind.DOCUMENT);
        assertTrue(letter.ok(), "a text Tika takes for an e-mail is still text: " + letter.problem());
    }

    @Test
    void aRecordingIsNotADocument() throws IOException {
        var inspection = inspector.inspect(TestFiles.wav("inspect-doc.wav", 1), "instructions.pdf", UploadKind.DOCUMENT);
        assertFalse(inspection.ok());
        assertEquals("\u201cinstructions.pdf\u201d is not a document the portal accepts (PDF, Word, RTF, OpenDocument or text) (it is a recording)."
                + " Choose a document and try again.", inspection.problem());
    }

    @Test
    void eachRefusalSaysWhatTheFileLooksLike() throws IOException {
        assertTrue(problem(bytes("noise.bin", new byte[] { 0, 1, 2, 3, (byte) 0xff, 0, 9, 7 }), "a.wav").endsWith(
                "(its content was not recognised). Choose a recording and try again."));
        assertTrue(problem(bytes("pixel.png", png()), "a.wav").contains("(it is an image)"));
        assertTrue(problem(TestFiles.text("inspect-notes.txt", "just some notes"), "a.wav").contains("(it is a text file)"));
        assertTrue(problem(zip("archive.zip", "readme.txt"), "a.wav").contains("(it is a zip archive)"));
        assertTrue(problem(bytes("page.html", "<!DOCTYPE html><html><body>x</body></html>".getBytes()), "a.wav")
                .contains("(it is a text file)"));
        String gif = problem(bytes("anim.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "a.wav");
        assertTrue(gif.contains("(it is an image)"), gif);
        String rtf = inspector.inspect(bytes("x.rtf", "{\\rtf1\\ansi hello}".getBytes()), "x.rtf", UploadKind.AUDIO).problem();
        assertTrue(rtf.contains("(it looks like application/rtf)"), rtf);
    }

    /** Bytes that are nothing in particular do not become a recording by being named .wav. */
    @Test
    void theNameDoesNotMakeUnrecognisedBytesARecording() throws IOException {
        Path noise = bytes("noise.wav", new byte[] { 0, 1, 2, 3, (byte) 0xff, 0, 9, 7, 42, 42, 42 });
        var inspection = inspector.inspect(noise, "dictation.wav", UploadKind.AUDIO);
        assertFalse(inspection.ok(), inspection.contentType());
        assertEquals("application/octet-stream", inspection.contentType());
        assertFalse(inspector.inspect(TestFiles.text("inspect-doc.docx", "plain text named docx"), "letter.docx", UploadKind.DOCUMENT)
                .contentType().contains("openxml"), "a text file named .docx is text");
    }

    @Test
    void aZipIsAWordDocumentByItsEntriesNeverByItsName() throws IOException {
        // what Word writes: the content-types part and the document part
        Path docx = zip("letter.docx", "[Content_Types].xml", "word/document.xml");
        assertTrue(inspector.inspect(docx, "letter.docx", UploadKind.DOCUMENT).ok());
        // a bare zip that merely carries the name (and one look-alike entry) is a zip archive
        var named = inspector.inspect(zip("letter2.docx", "word/document.xml"), "letter2.docx", UploadKind.DOCUMENT);
        assertFalse(named.ok());
        assertTrue(named.problem().contains("zip archive"), named.problem());
    }

    @Test
    void theLengthIsUnknownForWhatTheJdkCannotRead() throws IOException {
        assertTrue(ContentInspector.duration(TestFiles.pdf("inspect-len.pdf")).isEmpty());
        assertEquals(2.0, ContentInspector.duration(TestFiles.wav("inspect-2s.wav", 2)).orElseThrow(), 0.001);
        Path empty = TestFiles.wav("inspect-0s.wav", 0);
        assertTrue(ContentInspector.duration(empty).isEmpty(), "a recording without frames has no known length");
    }

    private String problem(Path file, String name) throws IOException {
        var inspection = inspector.inspect(file, name, UploadKind.AUDIO);
        assertFalse(inspection.ok(), name);
        return inspection.problem();
    }

    private Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(entry.startsWith("[Content_Types]")
                        ? ("<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes()
                        : "<w:document/>".getBytes());
                out.closeEntry();
            }
        }
        return file;
    }

    private static byte[] png() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    }

    static ContentInspector inspector() {
        ContentInspector inspector = new ContentInspector();
        inspector.config = new UploadConfig() {
            public Path storageDir() {
                return Path.of("target");
            }

            public long maxAudioBytes() {
                return 250_000_000L;
            }

            public long maxDocumentBytes() {
                return 50_000_000L;
            }

            public List<String> audioTypes() {
                return List.of("audio/mpeg", "audio/wav", "audio/vnd.wave", "audio/x-wav", "video/mp4");
            }

            public List<String> documentTypes() {
                return List.of("application/pdf", "application/msword",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/rtf", "text/rtf",
                        "application/vnd.oasis.opendocument.text", "text/plain");
            }

            public Duration abandonedAfter() {
                return Duration.ofHours(24);
            }

            public int maxConcurrentPerUser() {
                return 4;
            }

            public long tenantQuotaBytes() {
                return 10_000_000_000L;
            }

            public long minBytesPerSecond() {
                return 4096;
            }

            public Duration rateWindow() {
                return Duration.ofSeconds(60);
            }

            public Duration orphanAfter() {
                return Duration.ofHours(6);
            }
        };
        return inspector;
    }
}
