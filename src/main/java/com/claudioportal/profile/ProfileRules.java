package com.claudioportal.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/**
 * What makes a profile's content acceptable. Field problems are keyed {@code fields[i].key},
 * {@code fields[i].uiLabel}, {@code fields[i].options}, so the editor shows them beside the field.
 */
public final class ProfileRules {

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,80}");
    static final Pattern DOC_TYPE = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");

    /** Field widget kinds the submit form knows; anything else is shown as a text box. */
    public static final List<String> KNOWN_TYPES = List.of("string", "text", "textarea", "number", "date", "choice",
            "boolean", "email");

    /** The most fields a profile may have: Claudio's sample has three; 200 is far beyond any real form. */
    public static final int MAX_FIELDS = 200;

    /** A field value (a default here, a typed value on the submit form, a preset value), in characters. */
    public static final int MAX_VALUE = 20_000;

    static final int MAX_DISPLAY_NAME = 120;
    /** Claudio's identifiers: the columns hold 120, 120 and 200 characters. */
    static final int MAX_CLAUDIO_ID = 120;
    static final int MAX_PROFILE_NAME = 200;
    static final int MAX_LABEL = 200;
    static final int MAX_TYPE = 40;
    static final int MAX_HELP = 2_000;
    static final int MAX_OPTIONS = 100;
    static final int MAX_OPTION = 200;
    static final int MAX_DOC_TYPES = 50;

    private ProfileRules() {
    }

    public static FormErrors check(String displayName, ProfileContent c) {
        FormErrors errors = FormErrors.none();
        AdminMessages words = Words.of(AdminMessages.class);
        required(errors, "displayName", displayName == null ? null : displayName.trim(), words.prof_name_missing(), MAX_DISPLAY_NAME);
        required(errors, "claudioProfileId", c.claudioProfileId(), words.prof_id_missing(), MAX_CLAUDIO_ID);
        required(errors, "formId", c.formId(), words.prof_form_id_missing(), MAX_CLAUDIO_ID);
        required(errors, "profileName", c.profileName(), words.prof_profile_name_missing(), MAX_PROFILE_NAME);
        if (c.docTypes().size() > MAX_DOC_TYPES) {
            errors.add("docTypes", words.prof_too_many_doc_types(MAX_DOC_TYPES));
        }
        if (c.fields().size() > MAX_FIELDS) {
            errors.add("fields", words.prof_too_many_fields(MAX_FIELDS, c.fields().size()));
            return errors;
        }
        for (String t : c.docTypes()) {
            if (!DOC_TYPE.matcher(t).matches()) {
                errors.add("docTypes", words.prof_bad_doc_type(t));
            }
        }
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < c.fields().size(); i++) {
            ProfileField f = c.fields().get(i);
            String key = f.key() == null ? "" : f.key().trim();
            if (key.isEmpty()) {
                errors.add("fields[" + i + "].key", words.prof_key_missing());
            } else if (!KEY.matcher(key).matches()) {
                errors.add("fields[" + i + "].key", words.prof_key_bad());
            } else {
                Integer earlier = firstUse.putIfAbsent(key.toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    errors.add("fields[" + i + "].key", words.prof_key_twice(earlier + 1, key));
                }
            }
            if (f.label().isBlank()) {
                errors.add("fields[" + i + "].uiLabel", words.prof_label_missing());
            } else {
                text(errors, "fields[" + i + "].uiLabel", f.uiLabel(), MAX_LABEL, TextInput.Lines.SINGLE);
            }
            text(errors, "fields[" + i + "].type", f.type(), MAX_TYPE, TextInput.Lines.SINGLE);
            text(errors, "fields[" + i + "].type", f.uiType(), MAX_TYPE, TextInput.Lines.SINGLE);
            text(errors, "fields[" + i + "].uiDesc", f.uiDesc(), MAX_HELP, TextInput.Lines.MULTI);
            text(errors, "fields[" + i + "].defaultValue", f.defaultValue(), MAX_VALUE, TextInput.Lines.MULTI);
            if (isChoice(f) && f.options().isEmpty()) {
                errors.add("fields[" + i + "].options", words.prof_options_missing());
            } else if (f.options().size() > MAX_OPTIONS) {
                errors.add("fields[" + i + "].options", words.prof_too_many_options(MAX_OPTIONS));
            } else {
                for (String option : f.options()) {
                    text(errors, "fields[" + i + "].options", option, MAX_OPTION, TextInput.Lines.SINGLE);
                }
            }
        }
        return errors;
    }

    private static void text(FormErrors errors, String field, String value, int max, TextInput.Lines lines) {
        String problem = TextInput.problem(value, max, lines);
        if (problem != null) {
            errors.add(field, problem);
        }
    }

    public static boolean isChoice(ProfileField f) {
        return "choice".equalsIgnoreCase(nz(f.uiType())) || "choice".equalsIgnoreCase(nz(f.type()));
    }

    /** A single-line text that must be there: {@code missing} when blank, else the length and character checks. */
    private static void required(FormErrors errors, String key, String value, String missing, int max) {
        if (blank(value)) {
            errors.add(key, missing);
        } else {
            text(errors, key, value, max, TextInput.Lines.SINGLE);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
