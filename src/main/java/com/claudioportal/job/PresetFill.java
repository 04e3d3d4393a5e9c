package com.claudioportal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.profile.Preset;
import com.claudioportal.profile.ProfileField;

/**
 * A preset fills only the fields staff have not typed in (empty, or still the profile's default)
 * and says which it filled and which it kept. The form's script does the same in the browser; this
 * is the "Fill in" button without JavaScript.
 */
final class PresetFill {

    private PresetFill() {
    }

    /** Fills {@code values} from the preset; returns what to tell staff. */
    static String apply(Preset preset, List<ProfileField> fields, Map<String, String> values) {
        List<String> filled = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ProfileField f : fields) {
            String offered = preset.values().get(f.key());
            if (offered == null || offered.isBlank()) {
                continue;
            }
            String current = values.getOrDefault(f.key(), "");
            if (current.equals(offered)) {
                continue;
            }
            if (fillable(f, current)) {
                values.put(f.key(), offered);
                filled.add(f.label());
            } else {
                kept.add(f.label());
            }
        }
        return message(preset.name, filled, kept);
    }

    /** Empty, or still what the profile puts there. */
    static boolean fillable(ProfileField f, String value) {
        String v = value == null ? "" : value.trim();
        return v.isEmpty() || v.equals(f.defaultValue() == null ? "" : f.defaultValue().trim());
    }

    static String message(String presetName, List<String> filled, List<String> kept) {
        return Words.of(JobMessages.class).preset_fill(presetName, filled.size(), String.join(", ", filled), kept.size(),
                String.join(", ", kept));
    }
}
