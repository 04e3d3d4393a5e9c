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

    @Message("Breadcrumb")
    String breadcrumb();

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

    @Message("{#if zone == 'UTC'}Times are in UTC.{#else}Times are in {zone}; point at one to see it in UTC.{/if}")
    String jobs_times_zone(String zone);

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

    // shared words of the staff pages

    @Message("Save")
    String common_save();

    @Message("Choose…")
    String common_choose();

    @Message("Remove")
    String common_remove();

    @Message("Remove {name}")
    String common_remove_named(String name);

    @Message("Yes")
    String common_yes();

    @Message("No")
    String common_no();

    @Message("(required)")
    String common_required();

    @Message("Recording")
    String common_recording();

    @Message("Document")
    String common_document();

    @Message("Cancel the job…")
    String common_cancel_job();

    @Message("Your tenant admin has not set up the Claudio connection yet, so jobs cannot be sent.")
    String common_connection_missing();

    @Message("No profiles are available yet. Ask your tenant admin to add one.")
    String common_no_profiles();

    @Message("Files of your clinic waiting to go to Claudio: {use}.")
    String common_storage_use(String use);

    @Message("Please correct the following:")
    String common_error_summary();

    @Message("What should Claudio return?")
    String common_what_returned();

    @Message("Choose recordings")
    String common_choose_recordings();

    @Message("Up to {limit} per file.")
    String common_per_file(String limit);

    @Message("Priority")
    String common_priority();

    @Message("For the portal's list and alerts; Claudio does not see it.")
    String common_priority_help();

    // words of the enums the Java names in English (dynamic keys: {msg:message('state_' + s.name)})

    @Message("Waiting to be sent")
    String state_QUEUED();

    @Message("Sending files to Claudio")
    String state_UPLOADING();

    @Message("Submitting to Claudio")
    String state_SUBMITTING();

    @Message("Being transcribed")
    String state_SUBMITTED();

    @Message("Transcript ready")
    String state_COMPLETED();

    @Message("Failed")
    String state_FAILED();

    @Message("Needs attention")
    String state_NEEDS_ATTENTION();

    @Message("Cancelled")
    String state_CANCELLED();

    @Message("Routine")
    String priority_ROUTINE();

    @Message("Urgent")
    String priority_URGENT();

    @Message("Stat (as soon as possible)")
    String priority_STAT();

    @Message("Waiting")
    String file_WAITING();

    @Message("Sending to Claudio")
    String file_SENDING();

    @Message("With Claudio")
    String file_SENT();

    @Message("Transcribed")
    String file_TRANSCRIBED();

    @Message("A transcript is ready")
    String kind_COMPLETED();

    @Message("A job failed")
    String kind_FAILED();

    @Message("A job needs attention")
    String kind_NEEDS_ATTENTION();

    @Message("A job is past its due time")
    String kind_LATE();

    // choosing a profile, and the new-job form

    // the job page and its live progress

    // notifications: the inbox, the bell and the e-mails

    @Message("Notifications")
    String notif_title();

    @Message("unread")
    String notif_unread();

    @Message("All read")
    String notif_all_read();

    @Message("jobs of {tenant} that concern you.")
    String notif_scope(String tenant);

    @Message("Which ones are e-mailed to you")
    String notif_which_mailed();

    @Message("Mark all read")
    String notif_read_all();

    @Message("Nothing yet. You will see here when your jobs are ready, fail, need attention or pass their due time.")
    String notif_none();

    @Message("(unread)")
    String notif_unread_mark();

    @Message("Job {id}")
    String notif_job(long id);

    @Message("Job {id} (content erased)")
    String notif_job_erased(long id);

    @Message("was due")
    String notif_was_due();

    @Message("Open the job")
    String notif_open();

    @Message("Mark read")
    String notif_read();

    @Message("More notifications")
    String notif_more();

    @Message("Newer")
    String notif_newer();

    @Message("Older")
    String notif_older();

    @Message("Notifications:")
    String bell_label();

    @Message("none unread")
    String bell_none();

    @Message("Hello,")
    String mail_hello();

    @Message("{#switch kind}{#case 'COMPLETED'}A job in {tenant} is ready.{#case 'FAILED'}A job in {tenant} failed.{#case 'NEEDS_ATTENTION'}A job in {tenant} needs attention.{#else}A job in {tenant} is past its due time.{/switch}")
    String mail_event(String kind, String tenant);

    @Message("Open it in the Claudio Portal")
    String mail_open();

    @Message("(you will be asked to sign in)")
    String mail_sign_in();

    @Message("For your patients' privacy this e-mail never contains a job's name, details or transcript.")
    String mail_privacy();

    @Message("Choose which e-mails you get")
    String mail_settings();

    @Message("Your day in {tenant} ({day}, UTC):")
    String mail_digest_day(String tenant, String day);

    @Message("{#if total == 1}1 update{#else}{total} updates{/if} from {tenant} on {day}")
    String mail_digest_subject(long total, String tenant, String day);

    @Message("See them in the Claudio Portal")
    String mail_digest_open();

    // the pages around the tenants: welcome, choosing a tenant, errors

    @Message("Welcome")
    String welcome_title();

    @Message("Dictations in, transcripts out.")
    String welcome_heading();

    @Message("Claudio Portal sends your clinic's recordings and documents to Claudio and brings the transcripts back, with every step on record.")
    String welcome_lead();

    @Message("Sign in")
    String welcome_sign_in();

    @Message("Submit")
    String welcome_submit();

    @Message("audio, video and documents against your clinic's Claudio profiles.")
    String welcome_submit_text();

    @Message("Track")
    String welcome_track();

    @Message("every job until the transcript links arrive.")
    String welcome_track_text();

    @Message("Audit")
    String welcome_audit();

    @Message("who did what, in a log that cannot be rewritten.")
    String welcome_audit_text();

    @Message("Your tenants")
    String tenants_title();

    @Message("Choose where to work")
    String tenants_heading();

    @Message("Your sign-in did not include a verified e-mail address, so the portal cannot find your memberships. Ask your administrator to check your account in the identity provider.")
    String tenants_email_missing();

    @Message("You are not a member of any clinic yet")
    String tenants_none();

    @Message("Ask a tenant admin of your clinic to add {email} to their members.")
    String tenants_ask(String email);

    @Message("Manage tenants")
    String tenants_manage();

    @Message("Error {status}")
    String err_code(int status);

    @Message("Reference:")
    String err_reference();

    @Message("Go to my dashboard")
    String err_home();

    @Message("Page not found")
    String err_not_found_title();

    @Message("There is nothing here, or you do not have access to it. Check the address, or go back to your dashboard.")
    String err_not_found_text();

    @Message("Not allowed")
    String err_forbidden_title();

    @Message("Your role does not include this page. Ask your tenant admin if you need access.")
    String err_forbidden_text();

    @Message("Access suspended")
    String err_suspended_title();

    @Message("{tenant} has been disabled by the platform administrator. Contact your administrator if you think this is a mistake.")
    String err_suspended_text(String tenant);

    @Message("Not available")
    String err_not_allowed_title();

    @Message("That action cannot be done from this address.")
    String err_not_allowed_text();

    @Message("That request could not be processed")
    String err_no_length_title();

    @Message("The form arrived without saying how long it is, which the portal's pages always do. Nothing was saved. Go back, reload the page and send it again.")
    String err_no_length_text();

    @Message("This form is too large")
    String err_too_large_title();

    @Message("Nothing was saved. Go back: what you typed is still in the form. Shorten the longest text and send it again (one box holds at most 20,000 characters, a pasted profile 256,000).")
    String err_too_large_text();

    @Message("That request could not be processed")
    String err_bad_request_title();

    @Message("Go back, reload the page and try again.")
    String err_bad_request_text();

    @Message("Request not possible")
    String err_other_title();

    @Message("Go back, reload the page and try again.")
    String err_other_text();

    @Message("Something went wrong")
    String err_unexpected_title();

    @Message("The portal could not finish this request. Nothing you entered has been lost if you go back. If it happens again, give this reference to support.")
    String err_unexpected_text();

    @Message("This form has expired")
    String err_expired_title();

    @Message("For your security, forms stop working after a while or when you sign in again. Nothing was saved. Go back, reload the page, and submit again.")
    String err_expired_text();

    // the same, for the scripts: an upload or an htmx post refused as expired answers {"error": …}
    @Message("The page has expired. Reload it and try again; nothing was saved.")
    String err_expired_json();

    // My settings: the rest of the page

    @Message("These apply to you in every tenant you work in.")
    String settings_intro();

    @Message("Notifications")
    String settings_notifications();

    @Message("The bell at the top of every page shows each event. E-mails never contain a job's name, its details, file names or transcript text: only which tenant it is about, what happened, and a link to sign in and look.")
    String settings_notifications_help();

    @Message("E-mail me about")
    String settings_mail_about();

    @Message("My job's transcript is ready")
    String settings_mail_completed();

    @Message("My job failed")
    String settings_mail_failed();

    @Message("My job needs attention")
    String settings_mail_attention();

    @Message("A job is past its due time (mine, or any job of a tenant I administer)")
    String settings_mail_late();

    @Message("How")
    String settings_how();

    @Message("Time zone")
    String settings_zone();

    @Message("Show times in")
    String settings_zone_label();

    @Message("As my browser says")
    String settings_zone_browser();

    @Message("As my browser says ({zone})")
    String settings_zone_browser_is(String zone);

    @Message("Pages now show times in {zone}, with the zone named; point at a time to see it in UTC.")
    String settings_zone_help(String zone);

    @Message("Your sign-in has no verified e-mail address, so the portal cannot keep settings for you.")
    String settings_no_email();

    @Message("Choose how the e-mails should reach you.")
    String settings_choose_delivery();

    @Message("Choose a time zone from the list.")
    String settings_choose_zone();

    @Message("Your settings are saved.")
    String settings_saved();

    @Message("At once, one e-mail per event")
    String delivery_INSTANT();

    @Message("Once a day, a summary with counts")
    String delivery_DIGEST();

    @Message("No e-mails (the bell in the portal still shows everything)")
    String delivery_NONE();
}
