package com.claudioportal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the clinic-workflow pages a tenant admin uses (retention of job content, erasing one
 * job's content, mail deliveries), in English; French in messages/wfmsg_fr.properties. A bundle of its
 * own: {@link AdminMessages} is near the size at which Quarkus 3.33's generated bundle fails verification.
 */
@MessageBundle(value = "wfmsg", locale = "en")
public interface WorkflowMessages {

    @Message("Retention")
    String ret_title();

    @Message("Retention of job content")
    String ret_heading();

    @Message("How long the portal keeps a finished job's content: its name, field values, file names, raw transcript and extracted fields. After that it is erased; what the audit needs stays (who submitted it and when, the profile, the status, Claudio's reference, the timeline). Erasures are in the audit log.")
    String ret_intro();

    @Message("Keep job content")
    String ret_keep();

    @Message("Until a tenant admin erases it")
    String ret_forever();

    @Message("For")
    String ret_for();

    @Message("days after the job finished")
    String ret_days_after();

    @Message("Between {min} and {max} days (the platform's bounds).")
    String ret_bounds(int min, int max);

    @Message("This is the portal's retention only. Claudio keeps its own copies (uploads, transcripts) under Claudio's retention; ask Loom Analytics about it.")
    String ret_claudio();

    @Message("Save")
    String ret_save();

    @Message("Enter a whole number of days.")
    String ret_err_number();

    @Message("Choose between {min} and {max} days.")
    String ret_err_bounds(int min, int max);

    @Message("Choose how long to keep job content.")
    String ret_err_keep();

    @Message("Job content is kept until a tenant admin erases it.")
    String ret_saved_forever();

    @Message("Finished jobs' content is erased {#if days == 1}1 day{#else}{days} days{/if} after they finish.")
    String ret_saved_days(int days);

    @Message("Erase content")
    String erase_title();

    @Message("Jobs")
    String erase_jobs();

    @Message("Erase the content of “{name}”?")
    String erase_heading(String name);

    @Message("The portal will erase this job's name, field values, file names, raw transcript, extracted fields and Claudio's details. This cannot be undone. Who submitted it and when, its profile, status, Claudio's reference and timeline stay, and the erasure is recorded in the audit log.")
    String erase_what();

    @Message("Claudio keeps its own copy under reference {reference}, under Claudio's retention.")
    String erase_claudio(String reference);

    @Message("Keep it")
    String erase_keep();

    @Message("This job's content was erased already.")
    String erase_already();

    @Message("Only a finished job's content can be erased; this one is still “{state}”.")
    String erase_unfinished(String state);

    @Message("Back to the job")
    String erase_back();

    @Message("The job's content was erased.")
    String erase_done();

    @Message("Mail deliveries")
    String mail_title();

    @Message("The notification e-mails of {tenant}. They carry no health information: only the tenant's name, what happened and a link.")
    String mail_intro(String tenant);

    @Message("This portal has no mail server configured (SMTP_HOST), so notifications appear only under the bell. Ask your platform operator to set one up.")
    String mail_disabled();

    @Message("Waiting")
    String mail_waiting();

    @Message("Sent this week")
    String mail_sent_week();

    @Message("Gave up")
    String mail_gave_up();

    @Message("Mails the portal gave up on")
    String mail_failed_heading();

    @Message("None.")
    String mail_none();

    @Message("To")
    String mail_to();

    @Message("Subject")
    String mail_subject();

    @Message("Written")
    String mail_written();

    @Message("Tries")
    String mail_tries();

    @Message("Last answer of the mail server")
    String mail_last_answer();

    @Message("Action")
    String mail_action();

    @Message("Send again")
    String mail_send_again();

    @Message("Being retried")
    String mail_retrying();

    @Message("{#if tries == 1}1 try{#else}{tries} tries{/if} so far · next at")
    String mail_tries_so_far(int tries);

    @Message("The mail to {recipient} will be sent again.")
    String mail_will_retry(String recipient);
}
