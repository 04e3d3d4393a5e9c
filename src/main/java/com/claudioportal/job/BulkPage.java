package com.claudioportal.job;

import java.util.List;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.profile.Preset;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileVersion;

/**
 * The "new jobs from many recordings" page. Without a profile it only offers the choice of
 * profile and preset; with one, it asks once for the values the preset and the profile's defaults
 * leave open ({@code asked}), shows what every job gets besides ({@code shared}), and lists a row
 * per recording. {@code storageUse} and {@code maxParallelUploads} as on the one-job form.
 */
public record BulkPage(List<Profile> profiles, Profile profile, ProfileVersion version, List<Preset> presets, Preset preset,
        String batchKey, boolean isRaw, List<SubmitPage.FieldView> asked, List<Shared> shared, List<Row> rows, FormErrors errors,
        String audioLimit, long maxAudioBytes, int maxRecordings, boolean unsaved, String storageUse, int maxParallelUploads) {

    /** A value every job gets without asking (from the preset or the profile), shortened for the page. */
    public record Shared(String label, String value) {
    }

    /** A recording already uploaded (the form came back with problems), with its job name. */
    public record Row(int index, String uploadId, String filename, String meta, String jobName, String error, String soundNote) {
    }
}
