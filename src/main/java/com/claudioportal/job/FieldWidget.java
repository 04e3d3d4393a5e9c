package com.claudioportal.job;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.forms.TextInput;
import com.claudioportal.profile.ProfileField;
import com.claudioportal.profile.ProfileRules;

/**
 * The input a profile field gets on the submit form, from its {@code ui_type} (or {@code type}).
 * Claudio documents only "string" (older pages) and "text" (newer); the rest are the portal's
 * reading of common names. Anything unknown is a one-line text box.
 */
public enum FieldWidget {
    TEXT, TEXTAREA, NUMBER, DATE, CHOICE, YES_NO, EMAIL;

    /** Text and long-text values, in characters (a 10 KB bio fits twice). */
    public static final int MAX_TEXT = ProfileRules.MAX_VALUE;

    static final String YES = "Yes";
    static final String NO = "No";
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static FieldWidget of(ProfileField f) {
        FieldWidget fromUi = byName(f.uiType());
        FieldWidget widget = fromUi != null ? fromUi : byName(f.type());
        if (widget == null || (widget == CHOICE && f.options().isEmpty())) {
            return TEXT;
        }
        return widget;
    }

    private static FieldWidget byName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (Set.of("textarea", "text_area", "long_text", "longtext", "paragraph", "multiline", "memo", "richtext").contains(n)) {
            return TEXTAREA;
        }
        if (Set.of("number", "numeric", "integer", "int", "decimal", "float", "double").contains(n)) {
            return NUMBER;
        }
        if (Set.of("date").contains(n)) {
            return DATE;
        }
        if (Set.of("choice", "select", "dropdown", "radio", "enum", "list", "options").contains(n)) {
            return CHOICE;
        }
        if (Set.of("boolean", "bool", "yes_no", "yesno", "checkbox", "toggle").contains(n)) {
            return YES_NO;
        }
        if (Set.of("email", "e_mail").contains(n)) {
            return EMAIL;
        }
        if (Set.of("string", "text", "short_text", "shorttext", "line").contains(n)) {
            return TEXT;
        }
        return null;
    }

    /**
     * The most a value may hold, in characters. Free text gets room for a specialist's whole bio or
     * a long history (Claudio documents no limit); the others have a natural size.
     */
    public int maxChars() {
        return switch (this) {
            case NUMBER -> 40;
            case EMAIL -> 320;
            case DATE, YES_NO -> 20;
            default -> MAX_TEXT;
        };
    }

    /** What is wrong with {@code value} for this field, or null. */
    public String problem(ProfileField f, String value) {
        String v = value == null ? "" : value.trim();
        JobMessages words = Words.of(JobMessages.class);
        if (v.isEmpty()) {
            return f.required() ? words.err_field_required(f.label()) : null;
        }
        String text = TextInput.problem(v, maxChars(), this == TEXTAREA ? TextInput.Lines.MULTI : TextInput.Lines.SINGLE, f.label());
        if (text != null) {
            return text;
        }
        switch (this) {
            case NUMBER -> {
                try {
                    new BigDecimal(v.replace(',', '.'));
                } catch (NumberFormatException e) {
                    return words.err_field_number();
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    return words.err_field_date();
                }
            }
            case CHOICE -> {
                if (!f.options().contains(v)) {
                    return words.err_field_choice();
                }
            }
            case YES_NO -> {
                if (!v.equals(YES) && !v.equals(NO)) {
                    return words.err_field_yes_no();
                }
            }
            case EMAIL -> {
                if (!EMAIL_PATTERN.matcher(v).matches()) {
                    return words.err_field_email();
                }
            }
            default -> {
            }
        }
        return null;
    }
}
