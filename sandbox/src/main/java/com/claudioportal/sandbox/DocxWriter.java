package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest WordprocessingML package Word and other readers open: content types, the package
 * relationship, the document and its core properties. Written by hand so the application needs no
 * Office library; a test opens the result with Apache POI.
 */
final class DocxWriter {

    private DocxWriter() {
    }

    /** A title in bold, then one paragraph per element; line breaks inside an element stay breaks. */
    static void write(Path target, String title, List<String> paragraphs) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                    </Relationships>""");
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            entry(zip, "docProps/core.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                    <dc:title>%s</dc:title><dc:creator>Claudio sandbox</dc:creator>\
                    <dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>\
                    </cp:coreProperties>""".formatted(xml(title), now));
            StringBuilder body = new StringBuilder();
            body.append("<w:p><w:r><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr><w:t xml:space=\"preserve\">")
                    .append(xml(title)).append("</w:t></w:r></w:p>");
            for (String paragraph : paragraphs) {
                body.append("<w:p>");
                String[] lines = paragraph.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    body.append("<w:r>");
                    if (i > 0) {
                        body.append("<w:br/>");
                    }
                    body.append("<w:t xml:space=\"preserve\">").append(xml(lines[i])).append("</w:t></w:r>");
                }
                body.append("</w:p>");
            }
            entry(zip, "word/document.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
                    %s<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>\
                    <w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>\
                    </w:sectPr></w:body></w:document>""".formatted(body));
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Escapes text for XML and drops characters XML 1.0 cannot carry. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
