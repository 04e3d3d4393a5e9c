package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Claudio's document extraction ("Structura"): from an attached plain-text
 * document each {@code Key: Value} line becomes a field; of any other document only its name and
 * size are reported. The element shape is the sandbox's own choice (the vendor's is undocumented):
 * {@code {"key", "label", "value", "source"}}.
 */
final class FieldExtractor {

    record Document(String filename, String contentType, Path path, long size) {
    }

    private static final Pattern LINE = Pattern.compile("^\\s*([\\p{L}][^:\\r\\n]{0,79}?)\\s*:\\s*(\\S.*?)\\s*$");
    private static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_FIELDS = 100;

    private FieldExtractor() {
    }

    static List<Map<String, String>> extract(List<Document> documents) {
        List<Map<String, String>> fields = new ArrayList<>();
        for (Document doc : documents) {
            if (isText(doc)) {
                for (String line : head(doc.path()).split("\\R")) {
                    Matcher m = LINE.matcher(line);
                    if (m.matches() && fields.size() < MAX_FIELDS) {
                        fields.add(field(key(m.group(1)), m.group(1).strip(), m.group(2), doc.filename()));
                    }
                }
            } else {
                fields.add(field("document", "Document", doc.filename() + " (" + doc.size() + " bytes)", doc.filename()));
            }
        }
        return fields;
    }

    private static boolean isText(Document doc) {
        String name = doc.filename().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md") || name.endsWith(".csv")
                || doc.contentType() != null && doc.contentType().toLowerCase(Locale.ROOT).startsWith("text/");
    }

    private static String head(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String key(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
        return key.isEmpty() ? "field" : key;
    }

    private static Map<String, String> field(String key, String label, String value, String source) {
        Map<String, String> field = new LinkedHashMap<>();
        field.put("key", key);
        field.put("label", label);
        field.put("value", value);
        field.put("source", source);
        return field;
    }
}
