package com.claudioportal.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the audit pages (a tenant's log, one event, the platform's list of logs) and of the messages
 * their Java writes, in English; French in messages/auditmsg_fr.properties. In the audit package, not web:
 * the audit floor uses only tenant and forms (LayersTest). Actions, outcomes, kinds and roles have dynamic
 * keys ({@code act_job_viewed}, {@code outcome_SUCCESS}), in the CSV export too.
 */
@MessageBundle(value = "auditmsg", locale = "en")
public interface AuditMessages {

    // the audit log (audit/log.html)

    @Message("Audit log")
    String log_title();

    @Message("Audit log of {of}")
    String log_heading(String of);

    @Message("the platform")
    String log_platform();

    @Message("Who saw or changed what, and when. Newest first; times are in your time zone, with UTC beside them. Entries cannot be edited or removed.")
    String log_intro();

    @Message("Export CSV")
    String log_export();

    @Message("Integrity")
    String log_integrity();

    @Message("Intact")
    String log_intact();

    @Message("Last checked")
    String log_last_checked();

    @Message("every event up to #{seq} is unchanged")
    String log_unchanged(long seq);

    @Message("whole log")
    String log_whole();

    @Message("{events} new since the previous check")
    String log_new_since(long events);

    @Message("Tampering detected")
    String log_tampering();

    @Message("Checked")
    String log_checked();

    @Message("at event #{seq}.")
    String log_at_event(long seq);

    @Message("Not checked yet. The portal checks the log every few minutes; check it now if you like.")
    String log_not_checked();

    @Message("Verify now")
    String log_verify_now();

    @Message("Verify every event")
    String log_verify_all();

    @Message("Activity, {from} to {to}: {total} events")
    String log_activity(java.time.LocalDate from, java.time.LocalDate to, long total);

    @Message("Events per day, stacked by kind: access, changes, security, jobs. The table below has the numbers.")
    String log_chart_desc();

    @Message("The numbers per day")
    String log_numbers();

    @Message("Activity per day")
    String log_per_day();

    @Message("Events per day by kind")
    String log_per_day_caption();

    @Message("Day (UTC)")
    String log_day();

    @Message("All")
    String log_all();

    @Message("Filter the audit log")
    String log_filter();

    @Message("From")
    String log_from();

    @Message("To")
    String log_to();

    @Message("Person")
    String log_person();

    @Message("e-mail address")
    String log_email_placeholder();

    @Message("Kind")
    String log_kind();

    @Message("Any")
    String log_any();

    @Message("Job")
    String log_job();

    @Message("Outcome")
    String log_outcome();

    @Message("Apply")
    String log_apply();

    @Message("Clear filters")
    String log_clear();

    @Message("Everything that happened to job {id}")
    String log_job_trail(String id);

    @Message("open the job")
    String log_open_job();

    @Message("Audit events, newest first")
    String log_caption();

    @Message("When")
    String log_col_when();

    @Message("Who")
    String log_col_who();

    @Message("What")
    String log_col_what();

    @Message("Target")
    String log_col_target();

    @Message("Details")
    String log_col_details();

    @Message("Event {seq}: all details")
    String log_event_link(long seq);

    @Message("No events match these filters.")
    String log_none_match();

    @Message("Nothing recorded yet.")
    String log_nothing();

    @Message("Pages of the audit log")
    String log_pages();

    @Message("Newer entries")
    String log_newer();

    @Message("Older entries")
    String log_older();

    @Message("Dates are days in {zone}.")
    String log_dates_zone(String zone);

    // one event (audit/event.html)

    @Message("Audit event #{seq}")
    String ev_title(long seq);

    @Message("Event #{seq}")
    String ev_crumb(long seq);

    @Message("What happened")
    String ev_what();

    @Message("Action")
    String ev_action();

    @Message("Kind")
    String ev_kind();

    @Message("Outcome")
    String ev_outcome();

    @Message("Target")
    String ev_target();

    @Message("everything that happened to this job")
    String ev_trail();

    @Message("Who, and from where")
    String ev_who();

    @Message("Person")
    String ev_person();

    @Message("Role")
    String ev_role();

    @Message("Identity provider id")
    String ev_subject();

    @Message("Client address")
    String ev_client();

    @Message("Browser")
    String ev_browser();

    @Message("Request id")
    String ev_request();

    @Message("Seal")
    String ev_seal_title();

    @Message("Signed with")
    String ev_signed_with();

    @Message("key {key} (HMAC-SHA-256)")
    String ev_key(String key);

    @Message("unkeyed SHA-256 (written before the log was keyed)")
    String ev_unkeyed();

    @Message("Seal")
    String ev_seal();

    @Message("Previous seal")
    String ev_prev_seal();

    @Message("UTC")
    String ev_utc();

    // the platform's list of logs (audit/platform.html)

    @Message("Audit logs")
    String plog_title();

    @Message("Each tenant has its own log; events that belong to no tenant are in the platform's. Opening a tenant's log is recorded in that log.")
    String plog_intro();

    @Message("Audit logs of the tenants, with retention and last verification")
    String plog_caption();

    @Message("Log")
    String plog_col_log();

    @Message("Last verification")
    String plog_col_verification();

    @Message("Keep events for")
    String plog_col_keep();

    @Message("The platform")
    String plog_platform();

    @Message("Intact up to #{seq}")
    String plog_intact(long seq);

    @Message("Tampering at #{seq}")
    String plog_tampering(long seq);

    @Message("not yet")
    String plog_not_yet();

    @Message("{years} years")
    String plog_years_n(int years);

    @Message("Years to keep the audit events of {tenant}")
    String plog_years_label(String tenant);

    @Message("years")
    String plog_years();

    @Message("Save")
    String plog_save();

    @Message("How the logs are protected")
    String plog_protection();

    @Message("Database")
    String plog_database();

    @Message("The portal's role {app} may only add and read audit events; {owner} owns the tables.")
    String plog_separated(String app, String owner);

    @Message("The portal's role {app} could change audit events")
    String plog_not_separated(String app);

    @Message("only the table's trigger stops it. Set DB_MIGRATION_USER to a separate owner role.")
    String plog_not_separated_fix();

    @Message("Signing key")
    String plog_key();

    @Message("Events are signed with HMAC-SHA-256, key {key}")
    String plog_key_text(String key);

    @Message("configured:")
    String plog_configured();

    @Message("Outside the database")
    String plog_outside();

    @Message("Each log's newest event is anchored to PORTAL_AUDIT_ANCHOR_DIR and to the server log every few minutes, so removing recent events is noticed.")
    String plog_outside_text();

    @Message("Retention")
    String plog_retention();

    @Message("Older events are removed every night, leaving a signed anchor so the rest still verifies. Nothing younger than a year is ever removed.")
    String plog_retention_text();

    // messages of the audit pages' Java (AuditPages, AuditFilter, PlatformAuditResource)

    @Message("The link to older entries was not understood, so the log starts with the newest.")
    String msg_older_not_understood();

    @Message("The link to newer entries was not understood, so the log starts with the newest.")
    String msg_newer_not_understood();

    @Message("Checking every event of the log. This takes a few seconds per million events; reload the page to see the result.")
    String msg_checking_all();

    @Message("The log is being checked right now; reload the page in a moment to see the result.")
    String msg_checking_now();

    @Message("The log is intact: {#if events == 1}1 new event{#else}{events} new events{/if} checked, up to event #{seq}.")
    String msg_intact(long events, long seq);

    @Message("Tampering detected at event #{seq}: {problem}")
    String msg_tampering(long seq, String problem);

    // why a verification found the log broken (AuditVerifier): kept in English in the checkpoint and the log line,
    // read back into these words for the page (AuditVerifier.Checkpoint.reason), so each is one message with plain parameters

    @Message("The record of the purge of events up to #{through} was altered.")
    String brk_purge_altered(long through);

    @Message("The number of events from before the log was keyed was raised.")
    String brk_legacy_raised();

    @Message("Event #{seq} was removed after it had been verified.")
    String brk_removed_after_check(long seq);

    @Message("Event #{seq} was changed after it had been verified.")
    String brk_changed_after_check(long seq);

    @Message("Event #{seq} is missing.")
    String brk_missing(long seq);

    @Message("Events #{from} to #{to} are missing.")
    String brk_missing_range(long from, long to);

    @Message("Event #{seq} does not follow from the event before it.")
    String brk_unlinked(long seq);

    @Message("Event #{seq} is not signed, although it is newer than the key.")
    String brk_unsigned(long seq);

    @Message("Event #{seq} is signed with key {key}, which is not configured: it cannot be checked (add the key to PORTAL_AUDIT_KEYS).")
    String brk_unknown_key(long seq, String key);

    @Message("Event #{seq} was changed: its content does not match its signature.")
    String brk_changed(long seq);

    @Message("The copy of the log's head kept outside the database was altered (its signature does not match).")
    String brk_anchor_altered();

    @Message("Event #{seq} was removed: on {at} UTC the log reached #{seq}.")
    String brk_removed(long seq, String at);

    @Message("Events #{from} to #{to} were removed: on {at} UTC the log reached #{to}.")
    String brk_removed_range(long from, long to, String at);

    @Message("Event #{seq} differs from the copy kept outside the database: the log was rewritten.")
    String brk_rewritten(long seq);

    @Message("The audit log of {tenant} keeps events for {years} years.")
    String msg_retention_saved(String tenant, String years);

    @Message("The end date comes before the start date.")
    String msg_end_before_start();

    @Message("Choose one of the listed kinds of event.")
    String msg_choose_kind();

    @Message("Choose one of the listed outcomes.")
    String msg_choose_outcome();

    @Message("Enter the job's number, as in its address (…/jobs/17).")
    String msg_job_number();

    @Message("Write the target as kind:id, for example job:17.")
    String msg_target();

    @Message("Enter the date as YYYY-MM-DD, for example 2026-03-31.")
    String msg_date();

    // outcomes, kinds and roles (dynamic keys: {auditmsg:message(str:concat('outcome_', e.outcome.name))})

    @Message("Done")
    String outcome_SUCCESS();

    @Message("Failed")
    String outcome_FAILURE();

    @Message("Denied")
    String outcome_DENIED();

    @Message("Access")
    String group_ACCESS();

    @Message("Changes")
    String group_CHANGES();

    @Message("Security")
    String group_SECURITY();

    @Message("Jobs")
    String group_JOBS();

    // the actions (AuditActions' catalogue; key: act_ and the code with . and - as _)

    @Message("Job viewed")
    String act_job_viewed();

    @Message("Recording played")
    String act_job_recording_played();

    @Message("Transcript opened")
    String act_job_transcript_opened();

    @Message("Processed media opened")
    String act_job_media_opened();

    @Message("Profile exported")
    String act_profile_exported();

    @Message("Claudio's details of the job fetched")
    String act_job_claudio_details_viewed();

    @Message("Audit log viewed")
    String act_audit_viewed();

    @Message("Audit log exported")
    String act_audit_exported();

    @Message("Tenant created")
    String act_tenant_created();

    @Message("Tenant changed")
    String act_tenant_updated();

    @Message("Tenant disabled")
    String act_tenant_disabled();

    @Message("Tenant enabled")
    String act_tenant_enabled();

    @Message("Member added")
    String act_member_added();

    @Message("Member joined through the organization")
    String act_member_joined();

    @Message("Member's role changed")
    String act_member_role_changed();

    @Message("Member removed")
    String act_member_removed();

    @Message("Profile created")
    String act_profile_created();

    @Message("Profile imported")
    String act_profile_imported();

    @Message("Profile changed")
    String act_profile_updated();

    @Message("Profile disabled")
    String act_profile_disabled();

    @Message("Profile enabled")
    String act_profile_enabled();

    @Message("Profile's expected turnaround changed")
    String act_profile_turnaround_changed();

    @Message("Preset created")
    String act_preset_created();

    @Message("Preset changed")
    String act_preset_updated();

    @Message("Preset deleted")
    String act_preset_deleted();

    @Message("Audit retention changed")
    String act_audit_retention_changed();

    @Message("Retention of job content changed")
    String act_tenant_retention_changed();

    @Message("Notification mail sent again")
    String act_mail_retried();

    @Message("Signed in")
    String act_auth_signed_in();

    @Message("Signed out")
    String act_auth_signed_out();

    @Message("Session expired")
    String act_auth_session_expired();

    @Message("Access denied")
    String act_access_denied();

    @Message("Claudio connection created")
    String act_connection_created();

    @Message("Claudio connection changed")
    String act_connection_updated();

    @Message("Claudio key and secret replaced")
    String act_connection_credentials_rotated();

    @Message("Claudio connection tested")
    String act_connection_tested();

    @Message("Claudio connection removed")
    String act_connection_removed();

    @Message("Claudio credentials re-encrypted")
    String act_connection_reencrypted();

    @Message("Stored secrets re-encrypted")
    String act_encryption_reencrypted();

    @Message("Webhook address created")
    String act_webhook_created();

    @Message("Webhook address replaced")
    String act_webhook_regenerated();

    @Message("Audit log verified")
    String act_audit_verified();

    @Message("Old audit events removed")
    String act_audit_purged();

    @Message("Job submitted")
    String act_job_submitted();

    @Message("Job cancelled")
    String act_job_cancelled();

    @Message("Job tried again")
    String act_job_retried();

    @Message("Job resolved after a lost answer")
    String act_job_resolved();

    @Message("Job linked to Claudio's job")
    String act_job_linked();

    @Message("Job submitted again")
    String act_job_resubmitted();

    @Message("Job checked at Claudio")
    String act_job_checked();

    @Message("Job's priority or due time changed")
    String act_job_rescheduled();

    @Message("Job's content erased")
    String act_job_content_erased();

    @Message("File uploaded")
    String act_upload_received();

    @Message("Uploaded file removed")
    String act_upload_discarded();

    @Message("Claudio notification received")
    String act_webhook_received();

    @Message("Claudio notifications refused")
    String act_webhook_refused();

    @Message(":")
    String log_colon();

    @Message("Enter the number of years to keep audit events, from {min} to {max}.")
    String msg_years_number(int min, int max);

    @Message("Keep audit events for {min} to {max} years (health records laws ask for 6 or more in many places).")
    String msg_years_range(int min, int max);

    // an event's details (audit.ReadableDetails: det_ and the key as stored; dv_ a value word; tk_ a target kind, - as _)

    @Message("Profile version")
    String det_profileVersion();

    @Message("From key")
    String det_fromKey();

    @Message("To key")
    String det_toKey();

    @Message("First tenant admin")
    String det_firstAdmin();

    @Message("Organization")
    String det_organizationAlias();

    @Message("Organization")
    String det_organization();

    @Message("Further refusals left out")
    String det_refusalsLeftOut();

    @Message("Worked")
    String det_ok();

    @Message("Broken at event")
    String det_brokenAt();

    @Message("Size (bytes)")
    String det_sizeBytes();

    @Message("Content type")
    String det_contentType();

    @Message("HTTP status")
    String det_status();

    @Message("Up to event")
    String det_throughSeq();

    @Message("How")
    String det_how();

    @Message("Via")
    String det_via();

    @Message("Role")
    String det_role();

    @Message("Name")
    String det_name();

    @Message("Mode")
    String det_mode();

    @Message("Intact")
    String det_intact();

    @Message("Events")
    String det_events();

    @Message("Event")
    String det_event();

    @Message("Outcome")
    String det_outcome();

    @Message("Unsaved")
    String det_unsaved();

    @Message("Fields")
    String det_fields();

    @Message("Profile id")
    String det_profileId();

    @Message("Version")
    String det_version();

    @Message("Method")
    String det_method();

    @Message("Path")
    String det_path();

    @Message("Active key")
    String det_activeKey();

    @Message("Tenants")
    String det_tenants();

    @Message("Count")
    String det_count();

    @Message("Minute")
    String det_minute();

    @Message("Refused")
    String det_refused();

    @Message("Changed")
    String det_changed();

    @Message("Years")
    String det_years();

    @Message("Retention days")
    String det_retentionDays();

    @Message("Retention")
    String det_retention();

    @Message("Base url")
    String det_baseUrl();

    @Message("Credentials")
    String det_credentials();

    @Message("Previous")
    String det_previous();

    @Message("Kind")
    String det_kind();

    @Message("Priority")
    String det_priority();

    @Message("Profile")
    String det_profile();

    @Message("Reason")
    String det_reason();

    @Message("Recipient")
    String det_recipient();

    @Message("Reference")
    String det_reference();

    @Message("Deleted")
    String det_deleted();

    @Message("Due at")
    String det_dueAt();

    @Message("Index")
    String det_index();

    @Message("Required")
    String det_required();

    @Message("Error")
    String det_error();

    @Message("Location")
    String det_location();

    @Message("Options")
    String det_options();

    @Message("yes")
    String dv_yes();

    @Message("no")
    String dv_no();

    @Message("not shown")
    String dv_not_shown();

    @Message("(not readable)")
    String dv_not_readable();

    @Message("Details")
    String dv_details();

    @Message("every event")
    String dv_every_event();

    @Message("new events")
    String dv_new_events();

    @Message("identity provider")
    String dv_identity_provider();

    @Message("sign-out link")
    String dv_sign_out_link();

    @Message("identity provider (back-channel)")
    String dv_identity_provider_back_channel();

    @Message("identity provider (front-channel)")
    String dv_identity_provider_front_channel();

    @Message("person")
    String tk_person();

    @Message("tenant")
    String tk_tenant();

    @Message("job")
    String tk_job();

    @Message("member")
    String tk_member();

    @Message("profile")
    String tk_profile();

    @Message("preset")
    String tk_preset();

    @Message("connection")
    String tk_connection();

    @Message("webhook")
    String tk_webhook();

    @Message("webhook-token")
    String tk_webhook_token();

    @Message("audit-log")
    String tk_audit_log();

    @Message("encryption")
    String tk_encryption();

    @Message("upload")
    String tk_upload();

    @Message("mail")
    String tk_mail();

    @Message("page")
    String tk_page();

    @Message("notification")
    String tk_notification();

    // the CSV export's header

    @Message("Event")
    String csv_event();

    @Message("Time (UTC)")
    String csv_time();

    @Message("Person")
    String csv_person();

    @Message("Role")
    String csv_role();

    @Message("Subject")
    String csv_subject();

    @Message("Action")
    String csv_action();

    @Message("Action code")
    String csv_action_code();

    @Message("Group")
    String csv_group();

    @Message("Outcome")
    String csv_outcome();

    @Message("Target type")
    String csv_target_type();

    @Message("Target")
    String csv_target();

    @Message("Details")
    String csv_details();

    @Message("Client IP")
    String csv_client_ip();

    @Message("User agent")
    String csv_user_agent();

    @Message("Request id")
    String csv_request_id();

    @Message("Chain")
    String csv_chain();
}
