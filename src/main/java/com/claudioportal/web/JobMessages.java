package com.claudioportal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the job pages (dashboard, new job, many recordings, the job page, cancelling), in
 * English; French in messages/jobmsg_fr.properties. Templates write {@code {jobmsg:submit_button}}.
 * A bundle of its own beside {@link Messages}: Quarkus 3.33 generates bytecode that fails verification
 * (VerifyError in Messages_Bundle.resolve) for one bundle of about 430 messages.
 */
@MessageBundle(value = "jobmsg", locale = "en")
public interface JobMessages {

    @Message("Dashboard")
    String dash_title();

    @Message("You are signed in as")
    String dash_signed_in_as();

    @Message("Before staff can submit jobs:")
    String dash_setup_before();

    @Message("Enter the Claudio connection")
    String dash_setup_connection();

    @Message("(base URL, API key and secret).")
    String dash_setup_connection_what();

    @Message("Add a profile")
    String dash_setup_profile();

    @Message(", for example by importing Claudio's sample job JSON.")
    String dash_setup_profile_how();

    @Message("Job submission opens here as soon as your tenant admin has set up the Claudio connection and a profile.")
    String dash_setup_wait();

    @Message("In progress")
    String dash_in_progress();

    @Message("Need attention")
    String dash_need_attention();

    @Message("Completed this week")
    String dash_completed_week();

    @Message("Failed this week")
    String dash_failed_week();

    @Message("Late")
    String dash_late();

    @Message("Due soon")
    String dash_due_soon();

    @Message("Nothing is due in the next 24 hours.")
    String dash_nothing_due();

    @Message("Overdue since")
    String dash_overdue_since();

    @Message("Due")
    String dash_due();

    @Message("All jobs by due time")
    String dash_all_by_due();

    @Message("Your latest jobs")
    String dash_your_latest();

    @Message("Latest jobs")
    String dash_latest();

    @Message("All jobs")
    String dash_all_jobs();

    @Message("Set-up")
    String dash_setup();

    @Message("Claudio connection:")
    String dash_connection();

    @Message("tested, works")
    String dash_connection_works();

    @Message("saved,")
    String dash_connection_saved();

    @Message("not tested")
    String dash_connection_untested();

    @Message("missing")
    String dash_connection_missing();

    @Message("Profiles in use:")
    String dash_profiles();

    @Message("Members:")
    String dash_members();

    @Message("Recent activity")
    String dash_activity();

    @Message("Nothing recorded yet.")
    String dash_nothing_recorded();

    @Message("by {actor}")
    String dash_by(String actor);

    @Message("Open the audit log")
    String dash_open_audit();

    @Message("Choose the profile for this job. It decides the form you fill in and what Claudio produces.")
    String choose_intro();

    @Message("Many recordings, one job each? Use")
    String choose_bulk_hint();

    @Message("{#if count == 1}1 field{#else}{count} fields{/if}")
    String choose_fields(int count);

    @Message("documents: {types}")
    String choose_documents(String types);

    @Message("Profile version {version}.")
    String submit_version(int version);

    @Message("Fields marked")
    String submit_required_before();

    @Message("are required.")
    String submit_required_after();

    @Message("Adding files needs JavaScript. Turn it on to attach recordings and documents.")
    String submit_noscript();

    @Message("This job was already submitted:")
    String submit_already();

    @Message("Nothing was sent again.")
    String submit_nothing_again();

    @Message("Start a new job")
    String submit_start_new();

    @Message("The job")
    String submit_the_job();

    @Message("Job name")
    String submit_job_name();

    @Message("Shown in the job list and sent to Claudio as job_name.")
    String submit_job_name_help();

    @Message("The formatted document (for example a Word report)")
    String submit_formatted();

    @Message("The raw transcript text, without formatting")
    String submit_raw();

    @Message("Your profile's usual choice is preselected.")
    String submit_usual_choice();

    @Message("Details for Claudio")
    String submit_details();

    @Message("Fill in from a preset")
    String submit_preset();

    @Message("Choose a preset…")
    String submit_choose_preset();

    @Message("Fill in")
    String submit_fill_in();

    @Message("This profile asks for no details.")
    String submit_no_details();

    @Message("Recordings")
    String submit_recordings();

    @Message("Drop audio or video files here, or")
    String submit_drop_audio();

    @Message("Trim a recording with a start and end time (HH:MM:SS).")
    String submit_trim_hint();

    @Message("Record")
    String submit_record();

    @Message("Record another")
    String submit_record_another();

    @Message("Pause")
    String submit_pause();

    @Message("Resume")
    String submit_resume();

    @Message("Stop and add")
    String submit_stop();

    @Message("Record again (replaces the last one)")
    String submit_record_again();

    @Message("Microphone level")
    String submit_mic_level();

    @Message("Play back the last dictation")
    String submit_play_back();

    @Message("Documents")
    String submit_documents();

    @Message("Drop documents here, or")
    String submit_drop_documents();

    @Message("Choose documents")
    String submit_choose_documents();

    @Message("PDF, Word, RTF, OpenDocument or text, up to {limit} each.")
    String submit_document_kinds(String limit);

    @Message("Submit job")
    String submit_button();

    @Message("Start")
    String row_start();

    @Message("End")
    String row_end();

    @Message("to the end")
    String row_to_the_end();

    @Message("Use player position")
    String row_player_position();

    @Message("Document type")
    String row_document_type();

    @Message("One job per recording, all with the same profile and preset: up to {max} recordings at once.")
    String bulk_intro(int max);

    @Message("For one job with several recordings, use")
    String bulk_one_job_hint();

    @Message("Adding recordings needs JavaScript. Turn it on to attach them.")
    String bulk_noscript();

    @Message("Choose a profile…")
    String bulk_choose_profile();

    @Message("Preset")
    String bulk_preset();

    @Message("No preset")
    String bulk_no_preset();

    @Message("Change")
    String bulk_change();

    @Message("Continue")
    String bulk_continue();

    @Message("What every job gets")
    String bulk_every_job();

    @Message("{profile} (version {version})")
    String bulk_profile_version(String profile, int version);

    @Message(", preset “{preset}”")
    String bulk_with_preset(String preset);

    @Message("The formatted document")
    String bulk_formatted();

    @Message("The raw transcript text")
    String bulk_raw();

    @Message("Every job of the batch gets it; for the portal's list and alerts, Claudio does not see it.")
    String bulk_priority_help();

    @Message("Asked once for all the jobs")
    String bulk_asked();

    @Message("{#if preset}The preset{#else}The profile{/if} has no value for these.")
    String bulk_asked_why(boolean preset);

    @Message("{#if preset}From the preset and the profile{#else}From the profile{/if}")
    String bulk_shared(boolean preset);

    @Message("Drop up to {max} audio or video files here, or")
    String bulk_drop(int max);

    @Message("Each job is named after its file; change the names before sending.")
    String bulk_names_hint();

    @Message("Create the jobs")
    String bulk_submit();

    @Message("Create 1 job")
    String bulk_submit_one();

    /** bulk.js puts the number of recordings in place of the #. */
    @Message("Create # jobs")
    String bulk_submit_many();

    @Message("Jobs created together")
    String batch_title();

    @Message("{#if count == 1}1 job from one batch of recordings{#else}{count} jobs from one batch of recordings{/if}")
    String batch_heading(int count);

    @Message("Each job goes to Claudio on its own; open one to follow it in detail.")
    String batch_intro();

    @Message("More recordings")
    String batch_more();

    @Message("{profile} (version {version}) · submitted by {who} on")
    String job_submitted_by(String profile, int version, String who);

    @Message("Due")
    String job_due();

    @Message("none")
    String job_no_due();

    @Message("Everything that happened to this job")
    String job_audit_trail();

    @Message("Content erased on")
    String job_erased_on();

    @Message("by {who}")
    String job_erased_by(String who);

    @Message("The portal no longer keeps this job's name, field values, file names, raw transcript or extracted fields; what the audit needs (who, when, profile, status, Claudio's reference) stays.")
    String job_erased_text();

    @Message("Claudio keeps its own copy under reference {reference} for as long as Claudio's retention allows.")
    String job_erased_claudio(String reference);

    @Message("What was sent")
    String job_what_sent();

    @Message("Returns")
    String job_returns();

    @Message("Raw transcript text (is_raw = 1)")
    String job_returns_raw();

    @Message("Formatted document (is_raw = 0)")
    String job_returns_formatted();

    @Message("Priority and due time")
    String job_schedule();

    @Message("Only the portal uses these (order, list, alerts); Claudio never sees them. Changes are in the audit log.")
    String job_schedule_help();

    @Message("Files")
    String job_files();

    @Message("{length} long")
    String job_file_length(String length);

    @Message("trimmed {start}–{end}")
    String job_file_trimmed(String start, String end);

    @Message("Claudio's details")
    String job_claudio_details();

    @Message("Status at Claudio")
    String job_claudio_status();

    @Message("Submitted (Claudio's time)")
    String job_claudio_submitted();

    @Message("Completed (Claudio's time)")
    String job_claudio_completed();

    @Message("Total audio length")
    String job_claudio_audio_length();

    @Message("Claudio says:")
    String job_claudio_says();

    @Message("Files Claudio received")
    String job_claudio_received();

    @Message("Files Claudio made")
    String job_claudio_made();

    @Message("unnamed")
    String job_unnamed();

    @Message("file")
    String job_file();

    @Message("None listed")
    String job_none_listed();

    @Message("Fetched")
    String job_fetched();

    @Message("Claudio's own record of this job: its times, the audio length, whether it heard speech, and the files it received and made.")
    String job_claudio_what();

    @Message("Fetch again")
    String job_fetch_again();

    @Message("Fetch Claudio's details")
    String job_fetch();

    @Message("Content")
    String job_content();

    @Message("The portal keeps this job's content until the tenant's retention period ends. You can erase it now.")
    String job_content_help();

    @Message("Erase content now…")
    String job_erase();

    @Message("Late: due")
    String progress_late();

    @Message("This updates by itself.")
    String progress_live();

    @Message("The portal keeps failing to check this job at Claudio.")
    String progress_stuck();

    @Message("Saved in the portal")
    String progress_saved();

    @Message("Files sent to Claudio")
    String progress_files_sent();

    @Message("Accepted by Claudio")
    String progress_accepted();

    @Message("reference")
    String progress_reference();

    @Message("Transcript ready")
    String progress_ready();

    @Message("What to do")
    String progress_what_to_do();

    @Message("Check in Claudio whether this job arrived (look for the name {name}). Then either link it, or send it again.")
    String progress_attention(String name);

    @Message("Claudio's job reference")
    String progress_reference_label();

    @Message("It arrived: link it")
    String progress_link();

    @Message("It did not arrive: submit again")
    String progress_submit_again();

    @Message("Try again")
    String progress_retry();

    @Message("Check at Claudio now")
    String progress_check_now();

    @Message("Check again at Claudio")
    String progress_check_again();

    @Message("Transcripts")
    String progress_transcripts();

    @Message("Claudio returned no transcript documents.")
    String progress_no_transcripts();

    @Message("Raw transcript")
    String progress_raw();

    @Message("Transcript text (scrolls)")
    String progress_raw_label();

    @Message("Processed media")
    String progress_media();

    @Message("Extracted from the documents")
    String progress_extracted();

    @Message("from {source}")
    String progress_from(String source);

    @Message("Claudio's links expire after a while; the portal fetches fresh ones each time you click.")
    String progress_links_expire();

    @Message("Timeline")
    String progress_timeline();

    // ---- what tracking.JobTracking says on the job page (refusals, flashes; a Claudio failure's reason is a timeline line's words)

    @Message("Enter Claudio's job reference, as Claudio shows it.")
    String trk_enter_reference();

    @Message("The Claudio connection has been removed; ask your tenant admin to set it up again.")
    String trk_connection_removed();

    @Message("Claudio does not know the job reference “{reference}”. Check it and try again.")
    String trk_unknown_reference(String reference);

    @Message("{reason}.")
    String trk_failure(String reason);

    @Message("Claudio does not have this job yet.")
    String trk_not_at_claudio();

    @Message("This job's content was erased from the portal; Claudio's details are not fetched again.")
    String trk_details_erased();

    @Message("Claudio's details could not be fetched: {reason}.")
    String trk_details_failed(String reason);

    @Message("The Claudio connection has been removed, so a fresh link cannot be fetched.")
    String trk_link_connection_removed();

    @Message("Claudio no longer lists this job as complete.")
    String trk_link_not_complete();

    @Message("A fresh link could not be fetched: {reason}.")
    String trk_link_failed(String reason);

    @Message("The job is linked to Claudio's job {reference}.")
    String trk_linked(String reference);

    @Message("The portal is checking the job at Claudio.")
    String trk_checking();

    @Message("Claudio's details are below.")
    String trk_details_below();

    // credentials.BaseUrlPolicy#linkProblem: a transcript or media link Claudio answered with that the portal does not open

    @Message("Claudio answered with a link that is not a valid web address.")
    String link_invalid();

    @Message("Claudio answered with a link the portal does not open (only https links are opened).")
    String link_not_https();

    @Message("Claudio answered with a link into the portal's own network, which the portal does not open.")
    String link_internal();

    @Message("Cancel {name}?")
    String cancel_title(String name);

    @Message("Cancel this job?")
    String cancel_heading();

    @Message("Cancelling {name} stops the portal sending it to Claudio, and deletes its recordings and documents from the portal.")
    String cancel_what(String name);

    @Message("The job stays in the list as Cancelled. This cannot be undone: to send the same dictation again, start a new job.")
    String cancel_final();

    @Message("Cancel the job")
    String cancel_confirm();

    @Message("Keep the job")
    String cancel_keep();

    // ---- what the job package's Java says: refusals beside a field, the items the error summary names, flashes

    @Message("This form is out of date. Reload the page and try again.")
    String err_form_out_of_date();

    @Message("Your tenant admin has disabled the profile “{name}”. Choose another profile.")
    String err_profile_disabled(String name);

    @Message("Give the job a name you will recognise in the job list.")
    String err_job_name_missing();

    @Message("The job name")
    String err_job_name_what();

    @Message("Keep the name under {max} characters.")
    String err_job_name_too_long(int max);

    @Message("Add at least one recording.")
    String err_add_recording();

    @Message("Send at most {max} recordings at once; remove {extra} and send them in another batch.")
    String err_too_many_recordings(int max, int extra);

    @Message("This recording is listed twice; remove one.")
    String err_listed_twice();

    @Message("This profile takes no documents. Remove the document or choose another profile.")
    String err_doc_not_taken();

    @Message("Choose what kind of document this is.")
    String err_doc_type_missing();

    @Message("Choose one of the listed document types.")
    String err_doc_type_unknown();

    @Message("Choose one of the listed priorities.")
    String err_priority();

    @Message("Write the start as HH:MM:SS, like 00:01:30.")
    String err_trim_start_format();

    @Message("Write the end as HH:MM:SS, like 00:12:00.")
    String err_trim_end_format();

    @Message("Enter where to stop: the length of this recording is not known.")
    String err_trim_end_unknown();

    @Message("Start before {end}: the recording ends there.")
    String err_trim_start_past_end(String end);

    @Message("The end must come after the start.")
    String err_trim_end_before_start();

    @Message("Enter {label}.")
    String err_field_required(String label);

    @Message("Enter a number, like 42 or 3.5.")
    String err_field_number();

    @Message("Enter a date as year-month-day, like 2026-03-14.")
    String err_field_date();

    @Message("Choose one of the listed options.")
    String err_field_choice();

    @Message("Choose Yes or No.")
    String err_field_yes_no();

    @Message("Enter an e-mail address, like name@clinic.org.")
    String err_field_email();

    @Message("Write the due date and time like 2026-03-14 09:30.")
    String err_due_format();

    @Message("That time has passed. Choose a due time in the future, or leave it empty.")
    String err_due_past();

    @Message("Choose a due time within the next two years.")
    String err_due_far();

    @Message("Due ({zone})")
    String due_label(String zone);

    @Message("Empty: due {turnaround} after it is saved (the profile's expected turnaround). Times are in {zone}.")
    String due_help(String turnaround, String zone);

    @Message("Times are in {zone}.")
    String due_zone(String zone);

    @Message("In UTC: {utc}.")
    String due_in_utc(String utc);

    @Message("{#if n == 1}1 hour{#else}{n} hours{/if}")
    String due_hours(long n);

    @Message("{n} days")
    String due_days(long n);

    @Message("{n} minutes")
    String due_minutes(long n);

    @Message("This job is finished; its priority and due time no longer matter.")
    String err_schedule_finished();

    @Message("Recording {n}")
    String item_recording(int n);

    @Message("Recording {n} ({name})")
    String item_recording_named(int n, String name);

    @Message("Document {n}")
    String item_document(int n);

    @Message("Field {n} ({label})")
    String item_field(int n, String label);

    @Message("Transcript {n}")
    String item_transcript(int n);

    @Message("Media file {n}")
    String item_media(int n);

    @Message("These jobs were already created: nothing was sent again.")
    String bulk_made_before();

    @Message("Created {#if made == 1}1 job{#else}{made} jobs{/if}{#if before > 0}; {#if before == 1}1 job{#else}{before} jobs{/if} had been created already by this form{/if}.")
    String bulk_made(int made, int before);

    @Message("The others were not:")
    String bulk_others_not();

    @Message("{#if filledCount == 0}Nothing to fill from “{preset}”{#else}Filled {#if filledCount == 1}1 field{#else}{filledCount} fields{/if} from “{preset}” ({filled}){/if}{#if keptCount > 0}; kept {keptCount} you had typed ({kept}){/if}.")
    String preset_fill(String preset, int filledCount, String filled, int keptCount, String kept);

    @Message("The job will be tried again.")
    String done_retry();

    @Message("The job was cancelled.")
    String done_cancel();

    @Message("The job will be submitted to Claudio again.")
    String done_submit_again();

    @Message("The priority and due time are saved.")
    String done_schedule();

    @Message("This job changed while you were looking at it. Look at it again and choose once more.")
    String err_changed_meanwhile();

    @Message("A job that is \u201c{from}\u201d cannot become \u201c{to}\u201d.")
    String err_cannot_become(String from, String to);

    @Message("This job is \u201c{state}\u201d now, so the portal cannot do that.")
    String err_state_now(String state);

    @Message("This job can no longer be cancelled here.")
    String err_cannot_cancel();

    @Message("Only a failed job that Claudio has not accepted can be tried again.")
    String err_cannot_retry();

    @Message("This job does not need attention.")
    String err_no_attention_needed();

    @Message("Only a job Claudio has accepted can be checked.")
    String err_cannot_check();

    @Message("Only a finished job's content can be erased.")
    String err_erase_unfinished();

    @Message("Claudio found no speech in the audio.")
    String claudio_blank_audio();

    @Message("There is no status “{status}”, so the list shows every status.")
    String list_bad_status(String status);

    @Message("The link to older jobs was not understood, so the list starts with the newest.")
    String list_bad_older();

    @Message("The link to newer jobs was not understood, so the list starts with the newest.")
    String list_bad_newer();

    @Message("Search for at most {max} characters of a job name or a Claudio reference.")
    String list_search_too_long(int max);

    @Message("The submitter was not understood, so jobs of every submitter are shown.")
    String list_bad_submitter();

    @Message("The profile filter was not understood, so jobs of every profile are shown.")
    String list_bad_profile();

    @Message("The date “{value}” ({#if from}from{#else}to{/if}) was not understood: use year-month-day, like 2026-03-14.")
    String list_bad_date(String value, boolean from);

    @Message("Letter of instruction")
    String doctype_loi();

    @Message("✓ Transcript ready · {name}")
    String title_ready(String name);

    @Message("✗ Failed · {name}")
    String title_failed(String name);

    @Message("! Needs attention · {name}")
    String title_attention(String name);

    // ---- what the upload package says about a file added on the new-job form (shown beside it by the script)

    @Message("The upload did not say how large it is. Try again.")
    String up_no_length();

    @Message("“{name}” did not arrive. Try again.")
    String up_not_arrived(String name);

    @Message("“{name}” did not start: you are already uploading {max} files. Add it again when one of them has finished.")
    String up_too_many_at_once(String name, int max);

    @Message("“{name}” ({size}) does not fit: files waiting to go to Claudio may take {quota} for your clinic and take {used} now. Submit or remove uploads that wait, or ask your tenant admin.")
    String up_quota(String name, String size, String quota, String used);

    @Message("“{name}” arrived too slowly (under {rate} a second) and was stopped. Try again on a better connection.")
    String up_too_slow(String name, String rate);

    @Message("{used} of {quota}")
    String up_storage_of(String used, String quota);

    @Message("“{name}” did not arrive completely. Try again.")
    String up_incomplete(String name);

    @Message("“{name}” is empty.")
    String up_empty(String name);

    @Message("“{name}” is not {#if audio}an audio or video recording{#else}a document the portal accepts (PDF, Word, RTF, OpenDocument or text){/if} ({why}). Choose {#if audio}a recording{#else}a document{/if} and try again.")
    String up_refused(String name, boolean audio, String why);

    @Message("its content was not recognised")
    String up_why_unknown();

    @Message("it is a PDF document")
    String up_why_pdf();

    @Message("it is an image")
    String up_why_image();

    @Message("it is a recording")
    String up_why_recording();

    @Message("it is a text file")
    String up_why_text();

    @Message("it is a zip archive")
    String up_why_zip();

    @Message("it looks like {type}")
    String up_why_type(String type);

    @Message("it contains web page or script code")
    String up_why_active();

    @Message("This recording seems to be empty.")
    String up_sound_empty();

    @Message("This recording seems to be silent.")
    String up_sound_silent();

    @Message("Send the file itself as the request body.")
    String up_file_as_body();

    @Message("Say whether the file is a recording or a document.")
    String up_which_kind();

    @Message("The upload was cancelled.")
    String up_cancelled();
}
