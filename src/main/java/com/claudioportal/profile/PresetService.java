package com.claudioportal.profile;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/** Creates, changes and deletes the active tenant's presets; audited without their values. */
@ApplicationScoped
public class PresetService {

    @Inject
    AuditTrail audit;

    public record Saved(Long presetId, FormErrors errors) {
    }

    /** A preset's name, in characters (its column holds 120). */
    static final int MAX_NAME = 120;

    /** Saves a new ({@code presetId} null) or existing preset. */
    @Transactional
    public Saved save(Long presetId, PresetForm form) {
        Preset preset = presetId == null ? null : find(presetId);
        FormErrors errors = FormErrors.none();
        String name = form.name == null ? "" : form.name.trim();
        if (name.isEmpty()) {
            errors.add("name", Words.of(AdminMessages.class).preset_name_missing());
        } else if (TextInput.problem(name, MAX_NAME, TextInput.Lines.SINGLE) != null) {
            errors.add("name", TextInput.problem(name, MAX_NAME, TextInput.Lines.SINGLE));
        } else if (Preset.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(), presetId == null ? -1L : presetId) > 0) {
            errors.add("name", Words.of(AdminMessages.class).preset_name_taken(name));
        }
        Map<String, String> values = form.values(errors);
        if (errors.isEmpty() && values.isEmpty()) {
            errors.add("values[0].key", Words.of(AdminMessages.class).preset_values_missing());
        }
        if (errors.any()) {
            return new Saved(presetId, errors);
        }
        boolean created = preset == null;
        if (created) {
            preset = new Preset();
        }
        preset.name = name;
        preset.setValues(values);
        preset.updatedAt = Instant.now();
        if (created) {
            preset.persist();
        }
        // values may identify people: the audit log records which fields, not what they hold
        audit.record(created ? "preset.created" : "preset.updated", "preset", preset.id,
                Map.of("name", name, "fields", String.join(",", values.keySet())));
        return new Saved(preset.id, errors);
    }

    @Transactional
    public String delete(long presetId) {
        Preset preset = find(presetId);
        preset.delete();
        audit.record("preset.deleted", "preset", presetId, Map.of("name", preset.name));
        return preset.name;
    }

    public static Preset find(long presetId) {
        Preset p = Preset.findById(presetId);
        if (p == null) {
            throw new NotFoundException();
        }
        return p;
    }
}
