package com.claudioportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Java that tells a person something takes the words from the message bundles (docs/architecture.md,
 * "Words"), so a French reader never gets English: no string literal with words in it (a letter and a
 * space) is passed straight to {@code FormErrors.add}, {@code Result.refused}, a {@code Flash} or
 * {@code SeeOther} message, a {@code problem(…)} (ProfileJson's refusals, SeeOther's), an upload
 * refusal's {@code because(…)}, the reason of an audit verifier's {@code new Break(…)} (kept in English, but
 * from the bundle, which words it for the page) or the {@code "error"} of a JSON answer the scripts show. Joiners such as
 * {@code " "} and field names pass; the test reads src/main/java.
 */
class HandWrittenWordsScanTest {

    /** The calls whose arguments a person reads. */
    static final Pattern CALL = Pattern.compile("\\b(?:\\w*[eE]rrors\\.add|Result\\.refused|flash\\.(?:success|problem)"
            + "|answer\\.(?:success|problem|done)|problem|because|new Break|Map\\.of(?=\\(\\s*\"error\"))\\(");
    static final Pattern WORDS = Pattern.compile("\\p{L}.* |.* .*\\p{L}");

    @Test
    void noWordsWrittenByHandReachAPerson() throws IOException {
        List<String> found = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String code = blankComments(Files.readString(file));
                calls += (int) CALL.matcher(code).results().count();
                for (String literal : handWritten(code)) {
                    found.add(file + ": " + literal);
                }
            }
        }
        assertEquals(List.of(), found, "take these words from the feature's message bundle (forms.Words.of), with their French");
        assertTrue(calls > 100, "calls whose words a person reads, found: " + calls);
    }

    @Test
    void theScanSeesEnglishPassedStraightAndLetsBundleWordsPass() {
        assertEquals(List.of("\"Choose how the e-mails should reach you.\""),
                handWritten("errors.add(\"mailDelivery\", \"Choose how the e-mails should reach you.\");"));
        assertEquals(List.of("\"Your settings are saved.\""), handWritten("flash.success(\"Your settings are saved.\");"));
        assertEquals(List.of("\" must be an object with a \\\"key\\\".\""),
                handWritten("return problem(path + \" must be an object with a \\\"key\\\".\");"));
        assertEquals(List.of("\"This job changed.\""), handWritten("return Result.refused(\"job\", \"This job changed.\");"));
        assertEquals(List.of("\"The upload was cancelled.\""),
                handWritten("Response.status(409).entity(Map.of(\"error\", \"The upload was cancelled.\")).build();"));
        assertEquals(List.of("\"Event #\"", "\" is missing.\""), handWritten("return new Break(seq, \"Event #\" + seq + \" is missing.\");"));
        assertEquals(List.of(), handWritten("errors.add(\"row[\" + i + \"].jobName\", words.err_listed_twice(), item, anchor);"));
        assertEquals(List.of(), handWritten("return answer.problem(batchPage, text + \" \" + words.bulk_others_not());"));
        assertEquals(List.of(), handWritten("return problem(words.prof_json_not_object(\"{\"));"));
        assertEquals(List.of(), handWritten("Map.of(\"id\", \"an id with spaces\")"), "only the error of a JSON answer");
        assertEquals(List.of(), handWritten(blankComments("// flash.success(\"In a comment.\")\n/** {@code flash.success(\"Saved now.\")} */")));
        assertEquals(List.of(), handWritten(blankComments("String s = \"// not a comment\"; flash.success(words.saved());")));
    }

    /** The literals with words in them among the arguments of each call a person reads. */
    static List<String> handWritten(String code) {
        List<String> found = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            int depth = 1;
            for (int i = call.end(); i < code.length() && depth > 0; i++) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = endOfLiteral(code, i);
                    String literal = code.substring(i, end);
                    if (c == '"' && WORDS.matcher(literal).find()) {
                        found.add(literal);
                    }
                    i = end - 1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            }
        }
        return found;
    }

    /** Where the string or character literal opening at {@code start} ends (just past its closing quote). */
    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    /** The code with its comments replaced by spaces (literals kept, so a "//" in a string stays). */
    static String blankComments(String code) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = code.startsWith("\"\"\"", i) ? code.indexOf("\"\"\"", i + 3) + 3 : endOfLiteral(code, i);
            } else if (code.startsWith("//", i) || code.startsWith("/*", i)) {
                int end = code.startsWith("//", i) ? code.indexOf('\n', i) : code.indexOf("*/", i + 2) + 2;
                end = end < 2 ? code.length() : end;
                for (int j = i; j < end; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
