package com.claudioportal.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

import io.quarkus.panache.common.Sort;

/** Creates, changes and deletes the active tenant's presets; audited without their values. */
@ApplicationScoped
public class PresetService {

    @Inject
    AuditTrail audit;

    /** A preset's name, in characters (its column holds 120). */
    static final int MAX_NAME = 120;

    /**
     * A field a preset may fill, as the editor's select offers it: the key, and the label one of the
     * profiles gives it; {@code inProfile} false for a key this preset holds that no profile has now
     * (a field removed since), which is kept rather than silently dropped.
     */
    public record FieldChoice(String key, String label, boolean inProfile) {
    }

    /** The fields of the tenant's enabled profiles (their current versions), by label, then the preset's own others. */
    public static List<FieldChoice> fieldChoices(Preset preset) {
        Map<String, String> labels = new LinkedHashMap<>();
        Profile.<Profile> list("enabled", Sort.by("displayName"), true)
                .forEach(p -> p.currentVersion().fields().forEach(f -> labels.putIfAbsent(f.key(), f.label())));
        List<FieldChoice> choices = new ArrayList<>();
        labels.forEach((key, label) -> choices.add(new FieldChoice(key, label, true)));
        choices.sort(Comparator.comparing(FieldChoice::label, String.CASE_INSENSITIVE_ORDER).thenComparing(FieldChoice::key));
        if (preset != null) {
            preset.values().keySet().stream().filter(k -> !labels.containsKey(k)).sorted()
                    .forEach(k -> choices.add(new FieldChoice(k, k, false)));
        }
        return choices;
    }

    /** Saves a new ({@code presetId} null) or existing preset: its id, or the problems per form field. */
    @Transactional
    public Result<Long> save(Long presetId, PresetForm form) {
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
        Set<String> fields = new HashSet<>();
        fieldChoices(preset).forEach(c -> fields.add(c.key()));
        Map<String, String> values = form.values(errors, fields);
        if (errors.isEmpty() && values.isEmpty()) {
            errors.add("values[0].key", Words.of(AdminMessages.class).preset_values_missing());
        }
        if (errors.any()) {
            return Result.refused(errors);
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
        return Result.done(preset.id);
    }

    @Transactional
    public String delete(long presetId) {
        Preset preset = find(presetId);
        preset.delete();
        audit.record("preset.deleted", "preset", presetId, Map.of("name", preset.name));
        return preset.name;
    }

    public static Preset find(long presetId) {
        return Preset.<Preset> findByIdOptional(presetId).orElseThrow(NotFoundException::new);
    }
}
