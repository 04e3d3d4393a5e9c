package com.claudioportal.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.claudioportal.forms.FormErrors;

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

    private ProfileRules() {
    }

    public static FormErrors check(String displayName, ProfileContent c) {
        FormErrors errors = FormErrors.none();
        if (displayName == null || displayName.isBlank()) {
            errors.add("displayName", "Give the profile a name staff will recognise.");
        } else if (displayName.length() > 120) {
            errors.add("displayName", "Keep the name under 120 characters.");
        }
        if (blank(c.claudioProfileId())) {
            errors.add("claudioProfileId", "Enter Claudio's profile_id for this profile.");
        }
        if (blank(c.formId())) {
            errors.add("formId", "Enter Claudio's form_id for this profile.");
        }
        if (blank(c.profileName())) {
            errors.add("profileName", "Enter the profile_name exactly as Claudio knows it.");
        }
        for (String t : c.docTypes()) {
            if (!DOC_TYPE.matcher(t).matches()) {
                errors.add("docTypes", "\u201c" + t + "\u201d is not a valid document type: use letters, digits, - or _.");
            }
        }
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < c.fields().size(); i++) {
            ProfileField f = c.fields().get(i);
            String key = f.key() == null ? "" : f.key().trim();
            if (key.isEmpty()) {
                errors.add("fields[" + i + "].key", "Every field needs a key.");
            } else if (!KEY.matcher(key).matches()) {
                errors.add("fields[" + i + "].key", "Use letters, digits, _ . or - (no spaces), at most 80 characters.");
            } else {
                Integer earlier = firstUse.putIfAbsent(key.toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    errors.add("fields[" + i + "].key", "Field " + (earlier + 1) + " already uses the key \u201c" + key + "\u201d: keys must be unique.");
                }
            }
            if (f.label().isBlank()) {
                errors.add("fields[" + i + "].uiLabel", "Give the field a label.");
            }
            if (isChoice(f) && f.options().isEmpty()) {
                errors.add("fields[" + i + "].options", "A choice field needs at least one option.");
            }
        }
        return errors;
    }

    public static boolean isChoice(ProfileField f) {
        return "choice".equalsIgnoreCase(nz(f.uiType())) || "choice".equalsIgnoreCase(nz(f.type()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
