package com.claudioportal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the browser scripts (META-INF/resources/js) write: upload progress and refusals, the
 * dictation recorder's states, the new-job and many-recordings forms' status lines. French in
 * messages/jsmsg_fr.properties. {@link ScriptWords} hands them to the page as one JSON block with each
 * parameter left as its {@code {name}} for the script to fill; the scripts keep the English as fallback.
 * A plural has a {@code _one} and a {@code _many} message (the French agrees in number).
 */
@MessageBundle(value = "jsmsg", locale = "en")
public interface ScriptMessages {

    @Message("Copied to the clipboard.")
    String copied();

    @Message("Press Ctrl+C to copy.")
    String copy_by_hand();

    @Message("{n} bytes")
    String size_bytes(String n);

    @Message("{n} KB")
    String size_kb(String n);

    @Message("{n} MB")
    String size_mb(String n);

    @Message("{n} GB")
    String size_gb(String n);

    @Message("Cancel")
    String up_cancel();

    @Message("Cancel the upload of {file}")
    String up_cancel_label(String file);

    @Message("Uploading {file}")
    String up_progress_label(String file);

    @Message("Waiting to upload…")
    String up_waiting();

    @Message("Dismiss")
    String up_dismiss();

    @Message("Uploading to the portal… {percent}%")
    String up_sending(String percent);

    @Message("Checking the recording…")
    String up_checking_audio();

    @Message("Checking the document…")
    String up_checking_document();

    @Message("“{file}” is too large: at most {limit}.")
    String up_too_large(String file, String limit);

    @Message("“{file}” could not be uploaded ({status}). Try again.")
    String up_failed(String file, String status);

    @Message("“{file}” could not be uploaded: the connection was interrupted, or the file arrived too slowly. Try again.")
    String up_interrupted(String file);

    @Message("The upload of “{file}” was cancelled.")
    String up_cancelled(String file);

    @Message("“{file}” is {size}; a recording can be at most {limit}.")
    String up_refused_audio(String file, String size, String limit);

    @Message("“{file}” is {size}; a document can be at most {limit}.")
    String up_refused_document(String file, String size, String limit);

    @Message("Remove {file}")
    String up_remove_label(String file);

    // job.Trim words the server's note beside a recording with these too
    @Message("This recording is {length} long, shorter than the trim end {end}.")
    String trim_after_end(String length, String end);

    @Message("This recording is {length} long, shorter than the trim start {start}.")
    String trim_after_start(String length, String start);

    @Message("Waiting for 1 file to finish uploading…")
    String submit_waiting_one();

    @Message("Waiting for {n} files to finish uploading…")
    String submit_waiting_many(String n);

    @Message("Filled 1 field from “{preset}” ({fields})")
    String preset_filled_one(String preset, String fields);

    @Message("Filled {n} fields from “{preset}” ({fields})")
    String preset_filled_many(String n, String preset, String fields);

    @Message("Nothing to fill from “{preset}”")
    String preset_nothing(String preset);

    @Message("{filled}; kept 1 you had typed ({fields}).")
    String preset_kept_one(String filled, String fields);

    @Message("{filled}; kept {n} you had typed ({fields}).")
    String preset_kept_many(String filled, String n, String fields);

    @Message("{filled}.")
    String preset_done(String filled);

    @Message("Stop the dictation first: it is still recording.")
    String submit_stop_dictation();

    @Message("Saving the job…")
    String submit_saving();

    @Message("{n} recording ready (at most {max}).")
    String bulk_ready_one(String n, String max);

    @Message("{n} recordings ready (at most {max}).")
    String bulk_ready_many(String n, String max);

    @Message("{n} recording ready, {waiting} still uploading (at most {max}).")
    String bulk_ready_one_uploading(String n, String waiting, String max);

    @Message("{n} recordings ready, {waiting} still uploading (at most {max}).")
    String bulk_ready_many_uploading(String n, String waiting, String max);

    @Message("Waiting for the uploads to finish…")
    String bulk_waiting();

    @Message("At most {max} recordings at once: 1 was not added ({files}).")
    String bulk_refused_one(String max, String files);

    @Message("At most {max} recordings at once: {n} were not added ({files}).")
    String bulk_refused_many(String max, String n, String files);

    @Message("Creating the jobs…")
    String bulk_creating();

    @Message("Dictation")
    String rec_file_name();

    @Message("Asking for the microphone…")
    String rec_asking();

    @Message("Recording…")
    String rec_recording();

    @Message("No microphone was found. Connect one, or upload a recording instead.")
    String rec_no_microphone();

    @Message("The browser may not use the microphone here. Allow it (the icon in the address bar), or upload a recording instead.")
    String rec_not_allowed();

    @Message("Added “{file}” ({length}) to the recordings.")
    String rec_added(String file, String length);

    @Message("Paused at {at}.")
    String rec_paused(String at);
}
