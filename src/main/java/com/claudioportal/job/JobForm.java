package com.claudioportal.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedMap;

import com.claudioportal.profile.ProfileVersion;

/**
 * What the submit form and the bulk form share as posted: the profile version, the preset, raw or
 * formatted, priority and due time, and the profile's fields ({@code f.<key>}). Each form reads
 * its own parts (the recordings and documents, or the rows of a batch) after {@link #readShared}.
 */
public abstract class JobForm {

    public String profileVersionId;
    public String presetId;
    public String isRaw;
    /** {@link JobPriority} name; empty: routine. The same for every job of a batch. */
    public String priority;
    /** yyyy-MM-ddTHH:mm (a datetime-local input); empty: the profile's expected turnaround. */
    public String dueAt;
    /** The profile's fields as posted, by key (a batch asks them once for all its jobs). */
    public final Map<String, String> values = new LinkedHashMap<>();

    void readShared(MultivaluedMap<String, String> form) {
        profileVersionId = form.getFirst("profileVersionId");
        presetId = form.getFirst("presetId");
        isRaw = form.getFirst("isRaw");
        priority = form.getFirst("priority");
        dueAt = form.getFirst("dueAt");
        form.forEach((name, posted) -> {
            if (name.startsWith("f.") && posted != null && !posted.isEmpty()) {
                values.put(name.substring(2), posted.get(0));
            }
        });
    }

    /** The profile version the form was made for: not a number is a form no page made (400), an unknown or foreign one a 404. */
    ProfileVersion version() {
        long id;
        try {
            id = Long.parseLong(profileVersionId == null ? "" : profileVersionId);
        } catch (NumberFormatException e) {
            throw new BadRequestException();
        }
        return ProfileVersion.<ProfileVersion> findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    public boolean raw() {
        return "1".equals(isRaw);
    }

    /** A posted key (submission, batch) as a UUID; null when it is missing or not one, which the forms treat alike. */
    static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code i}th of a repeated parameter, trimmed; empty when there is none. */
    static String at(MultivaluedMap<String, String> form, String name, int i) {
        List<String> values = form.get(name);
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
    }
}
