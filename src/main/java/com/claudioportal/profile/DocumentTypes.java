package com.claudioportal.profile;

import java.util.List;
import java.util.Map;

/**
 * Document types in words for people, while Claudio gets the code: "loi" is shown as "Letter of
 * instruction". Claudio documents only {@code loi}; a code the portal does not know is shown as
 * it is. Profiles carry codes only (their editor may add labels later: this is the place to read them).
 */
public final class DocumentTypes {

    /** One choice of document type: the code sent to Claudio and the label shown. */
    public record Option(String code, String label) {
    }

    private static final Map<String, String> KNOWN = Map.of("loi", "Letter of instruction");

    private DocumentTypes() {
    }

    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return KNOWN.getOrDefault(code.trim().toLowerCase(java.util.Locale.ROOT), code);
    }

    public static List<Option> options(List<String> codes) {
        return codes.stream().map(c -> new Option(c, label(c))).toList();
    }
}
