package com.claudioportal.turnaround;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the turnaround page (turnaround/turnaround.html, the charts' titles, series and axes), in
 * English; French in messages/tamsg_fr.properties. In the turnaround package, beside the only page that
 * speaks them: web, the ground floor, may not import a feature (LayersTest).
 */
@MessageBundle(value = "tamsg", locale = "en")
public interface TurnaroundMessages {

    @Message("Turnaround")
    String title();

    @Message("How long transcripts take, how many jobs arrive and end each day, and how many are late.")
    String intro();

    @Message("Weeks and days are in UTC.")
    String times_utc();

    @Message("Turnaround per week: {profile}")
    String turnaround_title(String profile);

    @Message("Hours from saving the job to the transcript, for jobs completed that week (last 12 weeks).")
    String turnaround_help();

    @Message("Median")
    String median();

    @Message("90th percentile")
    String p90();

    @Message("hours")
    String hours();

    @Message("Week of")
    String week();

    @Message("Jobs per day by outcome")
    String jobs_per_day_title();

    @Message("Jobs saved each day of the last 28 days, by what became of them.")
    String jobs_per_day_help();

    @Message("Day")
    String day();

    @Message("Completed")
    String completed();

    @Message("Failed")
    String failed();

    @Message("Cancelled")
    String cancelled();

    @Message("Still open")
    String open();

    @Message("Late jobs per week")
    String late_title();

    @Message("Jobs due that week that were completed after their due time or are still open past it.")
    String late_help();

    @Message("Late")
    String late();

    @Message("jobs")
    String jobs();

    @Message("no jobs")
    String no_data();

    @Message("Data table")
    String data_table();

    /** The SVG's description for screen readers, after the chart's help: what the axes show. */
    @Message("Vertical axis: {vertical}; horizontal axis: {horizontal}. The figures are in the data table below the chart.")
    String axes(String vertical, String horizontal);
}
