package com.claudioportal.profile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One field of a profile's form, as Claudio's {@code job_data} describes it ({@code key},
 * {@code ui_label}, {@code type}, {@code ui_type}, {@code ui_desc}) plus what the portal adds:
 * a default value, whether it is required, and the options of a choice field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileField(String key, String uiLabel, String type, String uiType, String uiDesc, String defaultValue,
        boolean required, List<String> options) {

    public ProfileField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The label to show: the field's label, or its key when Claudio gave none. */
    public String label() {
        return uiLabel == null || uiLabel.isBlank() ? key : uiLabel;
    }
}
