package com.claudioportal.job;

import java.util.List;

import com.claudioportal.profile.DocumentTypes;
import com.claudioportal.profile.Preset;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.TimeZoneChoice;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;

/** Everything the submit page shows, built by {@link SubmitResource} from a profile version and a form. */
public record SubmitPage(Profile profile, ProfileVersion version, String submissionKey, String jobName, boolean isRaw,
        List<FieldView> fields, List<AudioView> audio, List<DocumentView> documents, List<DocumentTypes.Option> docTypes,
        List<Preset> presets, String presetsJson, String presetId, FormErrors errors, String audioLimit, String documentLimit,
        long maxAudioBytes, long maxDocumentBytes, String storageUse, int maxParallelUploads, Scheduling scheduling,
        Notices notices) {

    /** Priority and due time as typed; {@code defaultDue} says what an empty due time means. */
    public record Scheduling(String priority, String dueAt, String defaultDue, List<JobPriority> priorities) {
        /** What staff chose (routine and the profile's turnaround when nothing yet). */
        static Scheduling of(String priority, String dueAt, java.time.Duration expectedTurnaround) {
            return new Scheduling(priority == null ? JobPriority.ROUTINE.name() : priority, dueAt == null ? "" : dueAt,
                    JobDue.describe(expectedTurnaround), List.of(JobPriority.values()));
        }

        /** "Due (America/Toronto)": the input is read on the reader's clock (forms.TimeZoneChoice). */
        public String dueLabel() {
            return Words.of(JobMessages.class).due_label(TimeZoneChoice.current().getId());
        }

        /** What an empty due time means and which clock the input is on; with a time typed, that time in UTC. */
        public String dueHelp() {
            JobMessages words = Words.of(JobMessages.class);
            String help = words.due_help(defaultDue, TimeZoneChoice.current().getId());
            String utc = dueUtc();
            return utc.isEmpty() ? help : help + " " + words.due_in_utc(utc);
        }

        /** The typed due time in UTC, for the input's tooltip; empty when none or not readable. */
        public String dueUtc() {
            JobDue.Parsed due = dueAt.isBlank() ? null : JobDue.parse(dueAt, TimeZoneChoice.current());
            return due == null || due.at() == null ? "" : JobDue.words(due.at());
        }
    }

    /**
     * What the page says besides the fields: the job this form made already (Back, then submit
     * again), what the no-script "Fill in" did, and whether the page holds work not yet saved (a
     * form sent back with problems), which the leave-page warning protects.
     */
    public record Notices(Long submittedJobId, String submittedJobName, String presetStatus, boolean unsaved) {
        static Notices none() {
            return new Notices(null, null, null, false);
        }

        static Notices unsavedWork() {
            return new Notices(null, null, null, true);
        }
    }

    /**
     * A profile field as an input. {@code widget} is a {@link FieldWidget} name; {@code presetFillable}:
     * the value is empty or still the profile's default, so a preset may fill it.
     */
    public record FieldView(String key, String name, String id, String label, String help, String widget, boolean required,
            List<String> options, String value, String error, boolean presetFillable) {
    }

    /**
     * {@code durationText} is null when the length is not known; {@code soundNote} and
     * {@code trimNote} are the pre-check's warnings (silent or empty; trim past the end).
     */
    public record AudioView(int index, String uploadId, String filename, String sizeText, Double durationSeconds,
            String durationText, String mediaUrl, String start, String end, String startError, String endError,
            String soundNote, String trimNote) {

        public String meta() {
            return durationText == null ? sizeText : sizeText + " \u00b7 " + durationText;
        }
    }

    public record DocumentView(int index, String uploadId, String filename, String sizeText, String docType, String error) {
    }
}
