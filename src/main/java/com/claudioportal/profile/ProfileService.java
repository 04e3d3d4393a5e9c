package com.claudioportal.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/** Creates, imports, versions, enables and disables the active tenant's profiles. */
@ApplicationScoped
public class ProfileService {

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    /** Creates a profile: its id, or the problems per form field (nothing written then). */
    @Transactional
    public Result<Long> create(String displayName, ProfileContent raw, String auditAction) {
        ProfileContent content = normalize(raw);
        FormErrors errors = ProfileRules.check(displayName, content);
        if (errors.isEmpty() && Profile.count("lower(displayName)", displayName.trim().toLowerCase()) > 0) {
            errors.add("displayName", Words.of(AdminMessages.class).prof_name_taken(displayName.trim()));
        }
        if (errors.any()) {
            return Result.refused(errors);
        }
        Profile p = new Profile();
        p.displayName = displayName.trim();
        p.persist();
        ProfileVersion v = newVersion(p, 1, content);
        p.currentVersionId = v.id;
        audit.record(auditAction, "profile", p.id, Map.of("name", p.displayName, "version", 1,
                "profileId", content.claudioProfileId(), "fields", content.fields().size()));
        return Result.done(p.id);
    }

    /** Saves an edit: a new version when the content changed, the name on the profile itself. */
    @Transactional
    public Result<Void> update(long profileId, String displayName, ProfileContent raw) {
        Profile p = find(profileId);
        ProfileContent content = normalize(raw);
        FormErrors errors = ProfileRules.check(displayName, content);
        if (errors.isEmpty() && Profile.count("lower(displayName) = ?1 and id <> ?2", displayName.trim().toLowerCase(), profileId) > 0) {
            errors.add("displayName", Words.of(AdminMessages.class).prof_name_taken(displayName.trim()));
        }
        if (errors.any()) {
            return Result.refused(errors);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (!p.displayName.equals(displayName.trim())) {
            details.put("name", Map.of("from", p.displayName, "to", displayName.trim()));
            p.displayName = displayName.trim();
        }
        ProfileVersion current = p.currentVersion();
        if (current == null || !current.content().equals(content)) {
            int next = current == null ? 1 : current.versionNo + 1;
            ProfileVersion v = newVersion(p, next, content);
            p.currentVersionId = v.id;
            details.put("version", next);
            details.put("fields", content.fields().size());
        }
        if (!details.isEmpty()) {
            p.updatedAt = Instant.now();
            audit.record("profile.updated", "profile", p.id, details);
        }
        return Result.done(null);
    }

    /**
     * Sets how many hours a job of this profile is expected to take (up to a year; decimals allowed):
     * the minutes set, or why not.
     */
    @Transactional
    public Result<Integer> setTurnaround(long profileId, String hoursText) {
        Profile p = find(profileId);
        double hours;
        try {
            hours = Double.parseDouble(hoursText == null ? "" : hoursText.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Result.refused("expectedTurnaroundHours", Words.of(AdminMessages.class).prof_turnaround_number());
        }
        long minutes = Math.round(hours * 60);
        if (!(hours > 0) || minutes < 1 || minutes > 366L * 24 * 60) {
            return Result.refused("expectedTurnaroundHours", Words.of(AdminMessages.class).prof_turnaround_range());
        }
        if (p.expectedTurnaroundMinutes != minutes) {
            audit.record("profile.turnaround-changed", "profile", p.id, Map.of("name", p.displayName,
                    "fromMinutes", p.expectedTurnaroundMinutes, "toMinutes", minutes));
            p.expectedTurnaroundMinutes = (int) minutes;
            p.updatedAt = Instant.now();
        }
        return Result.done((int) minutes);
    }

    @Transactional
    public String setEnabled(long profileId, boolean enabled) {
        Profile p = find(profileId);
        if (p.enabled != enabled) {
            p.enabled = enabled;
            p.updatedAt = Instant.now();
            audit.record(enabled ? "profile.enabled" : "profile.disabled", "profile", p.id, Map.of("name", p.displayName));
        }
        return p.displayName;
    }

    public static Profile find(long profileId) {
        return Profile.<Profile> findByIdOptional(profileId).orElseThrow(NotFoundException::new);
    }

    private ProfileVersion newVersion(Profile p, int number, ProfileContent c) {
        ProfileVersion v = new ProfileVersion();
        v.profileId = p.id;
        v.versionNo = number;
        v.claudioProfileId = c.claudioProfileId();
        v.formId = c.formId();
        v.profileName = c.profileName();
        v.defaultIsRaw = c.defaultIsRaw();
        v.docTypes = c.docTypes();
        v.fields = c.fields();
        v.createdBy = user.actor();
        v.persistAndFlush();
        return v;
    }

    /** Trims what people type, so an edit that only adds spaces is not a new version. */
    static ProfileContent normalize(ProfileContent c) {
        return new ProfileContent(t(c.claudioProfileId()), t(c.formId()), t(c.profileName()), c.defaultIsRaw(),
                c.docTypes().stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList(),
                c.fields().stream().map(ProfileService::trimmed).toList());
    }

    private static ProfileField trimmed(ProfileField f) {
        return new ProfileField(t(f.key()), t(f.uiLabel()), t(f.type()), t(f.uiType()), t(f.uiDesc()),
                f.defaultValue() == null ? "" : f.defaultValue(), f.required(),
                f.options().stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
    }

    private static String t(String s) {
        return s == null ? "" : s.trim();
    }
}
