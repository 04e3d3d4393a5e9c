package com.claudioportal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/** A preset's name and its value rows (parallel repeated parameters, like the profile editor). */
public class PresetForm {

    @RestForm
    public String name;
    @RestForm
    public List<String> valueKey;
    @RestForm
    public List<String> valueText;
    /** "save", "add" or "remove-N". */
    @RestForm
    public String action;

    public record Row(int index, String key, String value, String keyError, String valueError) {
        /** Whether the editor's select offers this row's key; one posted by hand is shown as it came, beside its error. */
        public boolean listedIn(List<PresetService.FieldChoice> fields) {
            return fields.stream().anyMatch(c -> c.key().equals(key));
        }
    }

    /** A preset fills fields of profiles: at most as many as a profile has, each as long as a field value. */
    static final int MAX_ROWS = ProfileRules.MAX_FIELDS;

    public static PresetForm of(Preset p) {
        PresetForm f = new PresetForm();
        f.name = p.name;
        f.valueKey = new ArrayList<>(p.values().keySet());
        f.valueText = new ArrayList<>(p.values().values());
        return f;
    }

    public static PresetForm blank() {
        PresetForm f = new PresetForm();
        f.name = "";
        f.valueKey = new ArrayList<>(List.of(""));
        f.valueText = new ArrayList<>(List.of(""));
        return f;
    }

    public boolean applyRowAction() {
        if (action == null || action.equals("save")) {
            return false;
        }
        List<String> keys = new ArrayList<>(valueKey == null ? List.of() : valueKey);
        List<String> texts = new ArrayList<>(valueText == null ? List.of() : valueText);
        while (texts.size() < keys.size()) {
            texts.add("");
        }
        if (action.equals("add")) {
            keys.add("");
            texts.add("");
        } else if (action.startsWith("remove-") && action.substring(7).matches("\\d{1,4}")) {
            int i = Integer.parseInt(action.substring(7));
            if (i < keys.size()) {
                keys.remove(i);
                texts.remove(i);
            }
        }
        valueKey = keys;
        valueText = texts;
        return true;
    }

    public List<Row> rows(FormErrors errors) {
        List<Row> rows = new ArrayList<>();
        int n = valueKey == null ? 0 : valueKey.size();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i, valueKey.get(i), valueText != null && i < valueText.size() ? valueText.get(i) : "",
                    errors.get("values[" + i + "].key"), errors.get("values[" + i + "].value")));
        }
        return rows;
    }

    /**
     * The values, and any problems with the rows, keyed {@code values[i].key}. A key must be one of
     * {@code fields} (the editor offers only those in its select): a typo posted by hand is refused.
     */
    public Map<String, String> values(FormErrors errors, java.util.Set<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        AdminMessages words = Words.of(AdminMessages.class);
        int n = valueKey == null ? 0 : valueKey.size();
        if (n > MAX_ROWS) {
            errors.add("values[" + MAX_ROWS + "].key", words.preset_too_many(MAX_ROWS));
        }
        for (int i = 0; i < n; i++) {
            String key = valueKey.get(i) == null ? "" : valueKey.get(i).trim();
            String text = valueText != null && i < valueText.size() && valueText.get(i) != null ? valueText.get(i) : "";
            if (key.isEmpty() && text.isBlank()) {
                continue;
            }
            if (key.isEmpty()) {
                errors.add("values[" + i + "].key", words.preset_key_missing());
            } else if (!ProfileRules.KEY.matcher(key).matches()) {
                errors.add("values[" + i + "].key", words.preset_key_bad());
            } else if (!fields.contains(key)) {
                errors.add("values[" + i + "].key", words.preset_key_unknown(key));
            } else if (values.containsKey(key)) {
                errors.add("values[" + i + "].key", words.preset_key_twice(key));
            } else {
                String problem = TextInput.problem(text, ProfileRules.MAX_VALUE, TextInput.Lines.MULTI);
                if (problem != null) {
                    errors.add("values[" + i + "].value", problem);
                }
                values.put(key, text);
            }
        }
        return values;
    }
}
