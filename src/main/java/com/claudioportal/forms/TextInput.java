package com.claudioportal.forms;

import java.text.NumberFormat;

/**
 * What typed text may contain, checked the same way on every form: a deliberate length in
 * characters (not bytes, so accented text gets the same room as English), no control
 * characters (PostgreSQL cannot even store NUL, and the others are pasted in by accident), and
 * on single-line values no invisible direction overrides, which make a name display differently
 * from what it is ("invoice\u202Efdp.exe"). The messages are meant to be shown beside the field.
 */
public final class TextInput {

    /** One line (names, addresses, keys) or free text with line breaks and tabs. */
    public enum Lines {
        SINGLE, MULTI
    }

    private TextInput() {
    }

    /** What is wrong with {@code value}, or null when it may be used. {@code null} counts as empty. */
    public static String problem(String value, int maxChars, Lines lines) {
        return problem(value, maxChars, lines, null);
    }

    /**
     * The same, naming the field in the message ("Specialist Bio is too long: ..."), for error summaries;
     * {@code what} null says "This". In the reader's language ({@link Words}).
     */
    public static String problem(String value, int maxChars, Lines lines, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        FormMessages words = Words.of(FormMessages.class);
        int length = value.codePointCount(0, value.length());
        if (length > maxChars) {
            return words.text_too_long(what == null ? words.text_this() : what, count(length), count(maxChars));
        }
        boolean overrides = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c, lines)) {
                return lines == Lines.SINGLE && (c == '\n' || c == '\r') ? words.text_one_line() : words.text_control();
            }
            overrides |= isDirectionOverride(c);
        }
        if (overrides && lines == Lines.SINGLE) {
            return words.text_direction();
        }
        return null;
    }

    /** C0 and C1 control characters; free text keeps its tabs and line breaks. */
    static boolean isControl(char c, Lines lines) {
        if (lines == Lines.MULTI && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }

    /** Bidirectional embeddings, overrides and isolates (the marks LRM and RLM are harmless). */
    public static boolean isDirectionOverride(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** 20,000 rather than 20000 in English messages, 20 000 in French ones. */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Words.locale()).format(n);
    }
}
