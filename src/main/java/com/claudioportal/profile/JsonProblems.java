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
                return Words.of(AdminMessages.class).prof_json_not_json(i + 1, excerpt(lines[i], 20), "{");
            }
        }
        return Words.of(AdminMessages.class).prof_json_missing();
    }

    static String describe(JsonProcessingException e, String text, int maxDepth) {
        if (e instanceof StreamConstraintsException) {
            return Words.of(AdminMessages.class).prof_json_too_deep(maxDepth);
        }
        if (e instanceof JsonEOFException) {
            return Words.of(AdminMessages.class).prof_json_cut_short();
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        AdminMessages words = Words.of(AdminMessages.class);
        String where = line < 1 ? words.prof_json_where_all() : words.prof_json_where_line(line, excerpt(lineOf(text, line), 40));
        String parser = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        char found = charAt(text, line, column);
        if (parser.contains("was expecting a colon")) {
            return words.prof_json_no_colon(where);
        }
        if (parser.contains("was expecting comma")) {
            return words.prof_json_no_comma(where);
        }
        if (found == '\'' || parser.contains("(''' (code 39))")) {
            return words.prof_json_single_quotes(where);
        }
        if (parser.contains("expecting double-quote to start field name") || parser.contains("Unexpected character ('}'")
                || parser.contains("Unexpected character (']'")) {
            if (found == '}' || found == ']') {
                return words.prof_json_trailing_comma(where, String.valueOf(found));
            }
            return words.prof_json_quote_names(where);
        }
        if (parser.contains("Unrecognized token")) {
            return words.prof_json_bare_word(where);
        }
        if (parser.contains("Illegal unquoted character") || parser.contains("CTRL-CHAR")) {
            return words.prof_json_line_break(where);
        }
        if (parser.contains("Unexpected close marker")) {
            return words.prof_json_mismatch(where);
        }
        if (parser.contains("Unexpected end-of-input")) {
            return words.prof_json_unfinished();
        }
        return words.prof_json_mistake(where);
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
