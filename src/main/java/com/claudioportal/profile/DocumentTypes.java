package com.claudioportal.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;

/**
 * Document types in words for people, in their language, while Claudio gets the code: "loi" is shown
 * as "Letter of instruction" or "Lettre d'instruction". Claudio documents only {@code loi}; a code the
 * portal does not know is shown as it is. Profiles carry codes only (their editor may add labels
 * later: this is the place to read them).
 */
public final class DocumentTypes {

    /** One choice of document type: the code sent to Claudio and the label shown. */
    public record Option(String code, String label) {
    }

    private static final Map<String, Function<JobMessages, String>> KNOWN = Map.of("loi", JobMessages::doctype_loi);

    private DocumentTypes() {
    }

    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Function<JobMessages, String> words = KNOWN.get(code.trim().toLowerCase(Locale.ROOT));
        return words == null ? code : words.apply(Words.of(JobMessages.class));
    }

    public static List<Option> options(List<String> codes) {
        return codes.stream().map(c -> new Option(c, label(c))).toList();
    }
}
