package com.claudioportal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a zip file really holds: Word (.docx) and OpenDocument text (.odt) are zip archives, and
 * a zip is accepted as one only when its entries say so, never because of its name. Only the
 * directory and two small entries are read, so a zip bomb costs nothing.
 */
final class DocumentContainers {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    /** A Word document with macros (.docm): refused, it can run code where it is opened. */
    static final String DOCM = "application/vnd.ms-word.document.macroenabled.12";

    private static final int MAX_ENTRIES = 10_000;

    private DocumentContainers() {
    }

    /** DOCX, ODT, DOCM, or null when the zip is none of them (or no readable zip at all). */
    static String identify(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return null;
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && zip.getEntry("content.xml") != null) {
                return ODT.equals(read(zip, mimetype, 100).trim()) ? ODT : null;
            }
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types != null && zip.getEntry("word/document.xml") != null) {
                String declared = read(zip, types, 64 * 1024).toLowerCase(java.util.Locale.ROOT);
                if (declared.contains("macroenabled") || hasEntry(zip, "word/vbaproject.bin")) {
                    return DOCM;
                }
                return declared.contains("wordprocessingml.document.main+xml") ? DOCX : null;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean hasEntry(ZipFile zip, String lowerCaseName) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            if (entries.nextElement().getName().toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName)) {
                return true;
            }
        }
        return false;
    }

    private static String read(ZipFile zip, ZipEntry entry, int max) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }
}
