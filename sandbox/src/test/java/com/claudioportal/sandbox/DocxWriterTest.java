package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxWriterTest {

    @TempDir
    Path dir;

    @Test
    void markupCharactersLineBreaksAndControlCharactersSurvive() throws Exception {
        Path file = dir.resolve("t.docx");
        DocxWriter.write(file, "Report <draft> & \"notes\"", List.of("Line one\nLine two", "Bell\u0007 removed, é kept"));
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in);
                XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            assertEquals(3, doc.getParagraphs().size());
            assertEquals("Report <draft> & \"notes\"", doc.getParagraphs().get(0).getText());
            assertEquals("Line one\nLine two", doc.getParagraphs().get(1).getText());
            assertTrue(words.getText().contains("Bell removed, é kept"));
        }
    }
}
