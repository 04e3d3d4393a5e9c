package com.claudioportal.job;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.upload.Sizes;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What Claudio's Get Job Details said about the job, as the job page shows it (kept in
 * {@code job.claudio_details}). Times are Claudio's own text (their format is not documented).
 * File names are health information: shown to staff only, erased with the job's content. Links
 * are not kept (Claudio's expire); Claudio's name for the job is not kept either.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClaudioDetails(String status, String submittedAt, String completedAt, Double totalAudioSeconds, Boolean blankAudio,
        String errorMessage, List<File> inputFiles, List<File> outputFiles) {

    /** A file Claudio lists: its name, its kind (audio, attachment, final_transcript …), size and language. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String filename, String kind, Long sizeBytes, String languageCode) {
        public String sizeText() {
            return sizeBytes == null ? null : Sizes.human(sizeBytes);
        }
    }

    /** The files as the page lists them: in natural order of their names (dictée-2 before dictée-10). */
    public ClaudioDetails {
        inputFiles = sorted(inputFiles);
        outputFiles = sorted(outputFiles);
    }

    private static List<File> sorted(List<File> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(Objects::nonNull).sorted(Comparator.comparing((File f) -> f.filename() == null ? "" : f.filename(), NaturalOrder.INSTANCE))
                .toList();
    }

    /** "12:34" or "1:02:03"; null when Claudio did not say. */
    public String audioLength() {
        if (totalAudioSeconds == null) {
            return null;
        }
        long s = Math.round(totalAudioSeconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The blank-audio flag in words, or null when Claudio found speech (or did not say). */
    public String blankAudioWarning() {
        return Boolean.TRUE.equals(blankAudio) ? Words.of(JobMessages.class).claudio_blank_audio() : null;
    }
}
