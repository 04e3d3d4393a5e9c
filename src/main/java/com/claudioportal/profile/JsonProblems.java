package com.claudioportal.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/**
 * Says what is wrong with pasted JSON in words a clinic's admin can act on: where (line and the
 * start of that line) and what to do. The parser's own text ("Unexpected character ('S' (code
 * 83)): expected a valid value...") never reaches the page.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** For text that does not start like JSON at all. */
    static String notJson(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return "This is not JSON: line " + (i + 1) + " starts with \u201c" + excerpt(lines[i], 20)
                        + "\u201d. Paste the JSON block from Claudio's sample, starting with {.";
            }
        }
        return Words.of(AdminMessages.class).prof_json_missing();
    }

    static String describe(JsonProcessingException e, String text, int maxDepth) {
        if (e instanceof StreamConstraintsException) {
            return "The JSON is nested more than " + maxDepth + " levels deep, or holds a value longer than a profile needs; "
                    + "a Claudio sample job is three levels deep. Paste the sample job itself.";
        }
        if (e instanceof JsonEOFException) {
            return "The JSON stops before it is complete: a closing } or ] is missing at the end. "
                    + "Copy the whole block, from the first { to the last }.";
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        String where = line < 1 ? "The JSON" : "Line " + line + " (\u201c" + excerpt(lineOf(text, line), 40) + "\u201d)";
        String parser = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        char found = charAt(text, line, column);
        if (parser.contains("was expecting a colon")) {
            return where + ": a colon is missing between a name and its value, like \"key\": \"value\".";
        }
        if (parser.contains("was expecting comma")) {
            return where + ": a comma is missing between two entries. Put a , after the entry before it.";
        }
        if (found == '\'' || parser.contains("(''' (code 39))")) {
            return where + ": use double quotes (\") around names and text, not single quotes (').";
        }
        if (parser.contains("expecting double-quote to start field name") || parser.contains("Unexpected character ('}'")
                || parser.contains("Unexpected character (']'")) {
            if (found == '}' || found == ']') {
                return where + ": there is a comma before the closing " + found + " that must go.";
            }
            return where + ": names need double quotes, like \"key\".";
        }
        if (parser.contains("Unrecognized token")) {
            return where + ": this word is not JSON. Put text values in double quotes, like \"Dr. Roe\".";
        }
        if (parser.contains("Illegal unquoted character") || parser.contains("CTRL-CHAR")) {
            return where + ": a text value runs over the end of the line. Keep each value on one line.";
        }
        if (parser.contains("Unexpected close marker")) {
            return where + ": a closing } or ] does not match what it closes: a { ends with }, a [ with ].";
        }
        if (parser.contains("Unexpected end-of-input")) {
            return "The JSON stops before it is complete: a closing } or ] or a quote is missing. "
                    + "Copy the whole block, from the first { to the last }.";
        }
        return where + ": the JSON has a mistake here. Compare it with Claudio's sample, or paste the sample again.";
    }

    private static String lineOf(String text, int line) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    private static char charAt(String text, int line, int column) {
        String l = lineOf(text, line);
        return column >= 1 && column <= l.length() ? l.charAt(column - 1) : 0;
    }

    /** The start of a line, without leading blanks, cut at a word where it can. */
    static String excerpt(String line, int max) {
        String s = line.strip();
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(cp -> !Character.isISOControl(cp)).limit(max + 1L).forEach(out::appendCodePoint);
        if (out.codePointCount(0, out.length()) <= max) {
            return out.toString();
        }
        String cut = out.substring(0, out.offsetByCodePoints(0, max));
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "\u2026";
    }
}
