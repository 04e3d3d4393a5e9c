package com.claudioportal.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import com.claudioportal.forms.FormErrors;

/**
 * The profile editor's form. Field rows arrive as parallel repeated parameters (one value per
 * row, in page order), so adding, removing or moving a row re-renders the page with every
 * other edit kept, without JavaScript.
 */
public class ProfileForm {

    @RestForm
    public String displayName;
    @RestForm
    public String claudioProfileId;
    @RestForm
    public String formId;
    @RestForm
    public String profileName;
    @RestForm
    public String defaultIsRaw;
    @RestForm
    public String docTypes;

    @RestForm
    public List<String> fieldKey;
    @RestForm
    public List<String> fieldLabel;
    @RestForm
    public List<String> fieldType;
    @RestForm
    public List<String> fieldUiType;
    @RestForm
    public List<String> fieldDesc;
    @RestForm
    public List<String> fieldDefault;
    @RestForm
    public List<String> fieldRequired;
    @RestForm
    public List<String> fieldOptions;

    /** "save", "add", or "remove-N", "up-N", "down-N" for row N. */
    @RestForm
    public String action;

    /** One row of the field editor, with the messages that belong beside it. */
    public record Row(int index, String key, String uiLabel, String type, String uiType, String uiDesc, String defaultValue,
            boolean required, String options, String keyError, String labelError, String optionsError, String typeError,
            String descError, String defaultError) {
        public boolean hasError() {
            return keyError != null || labelError != null || optionsError != null || typeError != null || descError != null
                    || defaultError != null;
        }
    }

    public static ProfileForm of(String displayName, ProfileContent c) {
        ProfileForm f = new ProfileForm();
        f.displayName = displayName;
        f.claudioProfileId = c.claudioProfileId();
        f.formId = c.formId();
        f.profileName = c.profileName();
        f.defaultIsRaw = c.defaultIsRaw() ? "1" : "0";
        f.docTypes = String.join(", ", c.docTypes());
        f.setFields(c.fields());
        return f;
    }

    public static ProfileForm blank() {
        ProfileForm f = new ProfileForm();
        f.defaultIsRaw = "0";
        f.docTypes = "";
        f.setFields(List.of(new ProfileField("", "", "string", "string", "", "", false, List.of())));
        return f;
    }

    public List<ProfileField> fields() {
        int rows = size(fieldKey);
        List<ProfileField> fields = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            fields.add(new ProfileField(at(fieldKey, i), at(fieldLabel, i), at(fieldType, i), at(fieldUiType, i), at(fieldDesc, i),
                    at(fieldDefault, i), "yes".equals(at(fieldRequired, i)), split(at(fieldOptions, i))));
        }
        return fields;
    }

    public ProfileContent content() {
        return new ProfileContent(nz(claudioProfileId), nz(formId), nz(profileName), "1".equals(defaultIsRaw),
                split(docTypes), fields());
    }

    /** Applies a row action (add, remove, move); returns false for "save". */
    public boolean applyRowAction() {
        if (action == null || action.equals("save")) {
            return false;
        }
        List<ProfileField> fields = new ArrayList<>(fields());
        if (action.equals("add")) {
            fields.add(new ProfileField("", "", "string", "string", "", "", false, List.of()));
        } else {
            String[] parts = action.split("-", 2);
            int i = parts.length == 2 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : -1;
            if (i >= 0 && i < fields.size()) {
                switch (parts[0]) {
                    case "remove" -> fields.remove(i);
                    case "up" -> {
                        if (i > 0) {
                            fields.add(i - 1, fields.remove(i));
                        }
                    }
                    case "down" -> {
                        if (i < fields.size() - 1) {
                            fields.add(i + 1, fields.remove(i));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        setFields(fields);
        return true;
    }

    public List<Row> rows(FormErrors errors) {
        List<ProfileField> fields = fields();
        List<Row> rows = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            ProfileField f = fields.get(i);
            rows.add(new Row(i, f.key(), f.uiLabel(), f.type(), f.uiType(), f.uiDesc(), f.defaultValue(), f.required(),
                    String.join(", ", f.options()), errors.get("fields[" + i + "].key"), errors.get("fields[" + i + "].uiLabel"),
                    errors.get("fields[" + i + "].options"), errors.get("fields[" + i + "].type"), errors.get("fields[" + i + "].uiDesc"),
                    errors.get("fields[" + i + "].defaultValue")));
        }
        return rows;
    }

    private void setFields(List<ProfileField> fields) {
        fieldKey = new ArrayList<>();
        fieldLabel = new ArrayList<>();
        fieldType = new ArrayList<>();
        fieldUiType = new ArrayList<>();
        fieldDesc = new ArrayList<>();
        fieldDefault = new ArrayList<>();
        fieldRequired = new ArrayList<>();
        fieldOptions = new ArrayList<>();
        for (ProfileField f : fields) {
            fieldKey.add(nz(f.key()));
            fieldLabel.add(nz(f.uiLabel()));
            fieldType.add(nz(f.type()));
            fieldUiType.add(nz(f.uiType()));
            fieldDesc.add(nz(f.uiDesc()));
            fieldDefault.add(nz(f.defaultValue()));
            fieldRequired.add(f.required() ? "yes" : "no");
            fieldOptions.add(String.join(", ", f.options()));
        }
    }

    static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
