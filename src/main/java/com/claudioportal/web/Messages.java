package com.claudioportal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the page shell and the pages translated so far, in English; French in
 * messages/msg_fr.properties (MessagesFrenchTest fails on a key missing there). Templates write
 * {@code {msg:nav_jobs}}; the language is the template's locale: the person's choice in My settings,
 * else the browser's Accept-Language, else English. Profile field labels come from the profile and
 * are never translated.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    /** The page's language, for {@code <html lang>}. */
    @Message("en")
    String lang();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Show navigation")
    String nav_toggle();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Jobs")
    String nav_jobs();

    @Message("New job")
    String nav_new_job();

    @Message("Administration")
    String nav_administration();

    @Message("Claudio connection")
    String nav_connection();

    @Message("Profiles")
    String nav_profiles();

    @Message("Presets")
    String nav_presets();

    @Message("Members")
    String nav_members();

    @Message("Mail deliveries")
    String nav_mail();

    @Message("Retention")
    String nav_retention();

    @Message("Turnaround")
    String nav_turnaround();

    @Message("Audit log")
    String nav_audit();

    @Message("Platform")
    String nav_platform();

    @Message("Active tenant")
    String active_tenant();

    @Message("Switch tenant")
    String switch_tenant();

    @Message("No other tenants")
    String no_other_tenants();

    @Message("All my tenants")
    String all_my_tenants();

    @Message("My settings")
    String my_settings();

    @Message("Sign out")
    String sign_out();

    @Message("Claudio Portal · transcripts for clinics, through Claudio by Loom Analytics")
    String footer();

    // the job list

    @Message("{#if total == 1}1 job{#else if about}about {grouped} jobs{#else}{grouped} jobs{/if}")
    String jobs_count(long total, boolean about, String grouped);

    @Message("match")
    String jobs_match();

    @Message("in {tenant}")
    String jobs_in_tenant(String tenant);

    @Message("soonest due first")
    String jobs_order_due();

    @Message("last updated first")
    String jobs_order_updated();

    @Message("newest first")
    String jobs_order_newest();

    @Message("New jobs from many recordings")
    String jobs_new_bulk();

    @Message("Search")
    String jobs_search();

    @Message("Words of a job name, or a Claudio reference")
    String jobs_search_hint();

    @Message("Status")
    String jobs_status();

    @Message("Any")
    String jobs_any();

    @Message("In progress (any step)")
    String jobs_in_progress();

    @Message("Profile")
    String jobs_profile();

    @Message("Submitted by")
    String jobs_submitted_by();

    @Message("Anyone")
    String jobs_anyone();

    @Message("From")
    String jobs_from();

    @Message("To")
    String jobs_to();

    @Message("Mine")
    String jobs_mine();

    @Message("Overdue")
    String jobs_overdue();

    @Message("Due today")
    String jobs_due_today();

    @Message("Urgent and stat")
    String jobs_urgent();

    @Message("Order")
    String jobs_order();

    @Message("Newest submitted first")
    String jobs_sort_submitted();

    @Message("Last updated first")
    String jobs_sort_updated();

    @Message("Soonest due first")
    String jobs_sort_due();

    @Message("Apply")
    String jobs_apply();

    @Message("Clear filters")
    String jobs_clear();

    @Message("Job")
    String jobs_col_job();

    @Message("Due")
    String jobs_col_due();

    @Message("Submitted")
    String jobs_col_submitted();

    @Message("Updated")
    String jobs_col_updated();

    @Message("Content erased")
    String jobs_content_erased();

    @Message("Late")
    String jobs_late();

    @Message("Checks failing")
    String jobs_checks_failing();

    @Message("No jobs match these filters.")
    String jobs_none_match();

    @Message("No jobs yet.")
    String jobs_none();

    @Message("Times are UTC.")
    String jobs_times_utc();

    @Message("Pages of jobs")
    String jobs_pages();

    @Message("First page")
    String jobs_first_page();

    @Message("Newer jobs")
    String jobs_newer();

    @Message("Older jobs")
    String jobs_older();

    @Message("Due sooner")
    String jobs_due_sooner();

    @Message("Due later")
    String jobs_due_later();

    // My settings: language

    @Message("Language")
    String settings_language();

    @Message("As my browser asks")
    String settings_language_browser();

    @Message("The portal's pages, messages and e-mails. Field labels come from each profile and stay as Claudio names them.")
    String settings_language_help();
}
