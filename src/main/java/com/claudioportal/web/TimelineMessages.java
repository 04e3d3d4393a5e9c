package com.claudioportal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The lines a job's timeline shows, by code (job.JobLine stores the code and its parameters, all as
 * text; a parameter ending in {@code Bytes} is a size the reader's language formats). French in
 * messages/tlmsg_fr.properties. Never field values, file names or transcript text — only counts,
 * positions, Claudio's reference and the name of the person who acted, as the English did.
 */
@MessageBundle(value = "tlmsg", locale = "en")
public interface TimelineMessages {

    @Message("Saved with {audio} {#if audio == '1'}recording{#else}recordings{/if}{#if documents != '0'} and {documents} {#if documents == '1'}document{#else}documents{/if}{/if}; waiting to be sent to Claudio.")
    String saved(String audio, String documents);

    @Message("Sending the files to Claudio.")
    String sending();

    @Message("Claudio has recording {n} ({sizeBytes}).")
    String sent_recording(String n, String sizeBytes);

    @Message("Claudio has document {n} ({sizeBytes}).")
    String sent_document(String n, String sizeBytes);

    @Message("Submitting the job to Claudio.")
    String submitting();

    @Message("Claudio accepted the job (reference {reference}).")
    String accepted(String reference);

    @Message("Claudio accepted the job (reference {reference}) and will notify the portal when it is done.")
    String accepted_webhook(String reference);

    @Message("The portal can check the job at Claudio again.")
    String can_check_again();

    @Message("Cancelled by {name}. Its files were deleted from the portal.")
    String cancelled(String name);

    @Message("Tried again by {name}.")
    String retried(String name);

    @Message("{name} linked Claudio's job {reference}.")
    String linked(String name, String reference);

    @Message("{name} chose to submit the job to Claudio again.")
    String submitted_again(String name);

    @Message("{name} asked the portal to check the job at Claudio again.")
    String check_again(String name);

    // ---- lines the engine writes (tracking.JobWorker, tracking.NoticeWriter, job.JobLifecycle) -----
    // A parameter ending in "Line" is a nested line (job.JobLine): the reason, worded once below.

    @Message("Claudio sent a notification; the portal is checking the job.")
    String notice();

    @Message("Claudio accepted the job late (reference {reference}); link this reference if it is the job.")
    String accepted_late(String reference);

    @Message("Claudio finished the job: {documents} {#if documents == '1'}transcript document{#else}transcript documents{/if}{#if raw == 'true'} and the raw transcript{/if}.")
    String completed(String documents, String raw);

    @Message("The portal stopped while sending this job to Claudio, so it is not known whether Claudio received it. Check in Claudio, then link the job or submit it again.")
    String stopped_while_submitting();

    @Message("The tenant's Claudio connection has been removed, so the job cannot continue. Ask your tenant admin to set it up again, then try again.")
    String connection_removed();

    @Message("The Claudio address is no longer allowed: {whyLine}")
    String address_not_allowed(String whyLine);

    @Message("File {n} (a recording) is no longer in the portal. Submit a new job with it.")
    String file_missing_recording(String n);

    @Message("File {n} (a document) is no longer in the portal. Submit a new job with it.")
    String file_missing_document(String n);

    @Message("{whyLine}.")
    String failed_because(String whyLine);

    @Message("{whyLine} after {attempts} attempts. Try again later.")
    String failed_after(String whyLine, String attempts);

    @Message("{whyLine} Check in Claudio, then link the job or submit it again.")
    String needs_attention_because(String whyLine);

    @Message("{whyLine} while sending file {n} (a recording). The portal tries again in {waitLine}.")
    String retry_recording(String whyLine, String n, String waitLine);

    @Message("{whyLine} while sending file {n} (a document). The portal tries again in {waitLine}.")
    String retry_document(String whyLine, String n, String waitLine);

    @Message("{whyLine} while submitting the job. The portal tries again in {waitLine}.")
    String retry_submit(String whyLine, String waitLine);

    @Message("{n} seconds")
    String wait_seconds(String n);

    @Message("{n} minutes")
    String wait_minutes(String n);

    @Message("Claudio reports that the job failed{#if vendor}: {vendor}{#else}.{/if}")
    String claudio_failed(String vendor);

    @Message("{whyLine}. The portal keeps checking.")
    String poll_failed(String whyLine);

    @Message("Claudio rejected the API key while the portal checked on this job — ask your tenant admin to check the connection. The portal keeps checking.")
    String poll_unauthorized();

    @Message("The portal could not check this job at Claudio {attempts} times in a row: {whyLine}")
    String stuck(String attempts, String whyLine);

    @Message("{name} changed the {#if priorityFromLine}priority {priorityFromLine} → {priorityToLine}{#if dueTo}, {/if}{/if}{#if dueTo}due {#if dueFrom}{dueFrom}{#else}none{/if} → {dueTo}{/if}.")
    String rescheduled(String name, String priorityFromLine, String priorityToLine, String dueFrom, String dueTo);

    @Message("Content erased by {name}.")
    String erased_by(String name);

    @Message("Content erased: the tenant keeps job content for {days} {#if days == '1'}day{#else}days{/if}.")
    String erased_retention(String days);

    // ---- why Claudio failed (claudio.ClaudioFailure#code and #params; Claudio's own words quoted as they came) ----

    @Message("Claudio refused the request{#if vendor}: {vendor}{/if}")
    String failure_rejected(String vendor);

    @Message("Claudio rejected the API key or secret — ask your tenant admin to check the connection")
    String failure_unauthorized();

    @Message("Claudio answered with an error ({status}){#if vendor}: {vendor}{/if}")
    String failure_vendor_error(String status, String vendor);

    @Message("Claudio gave an answer the portal did not expect: {description}")
    String failure_unexpected_answer(String description);

    @Message("Claudio did not answer in time ({#if operation == 'upload_audio'}upload audio{#else if operation == 'upload_document'}upload document{#else if operation == 'submit'}submit job{#else if operation == 'poll'}poll job{#else if operation == 'details'}get job details{#else if operation == 'check'}connection check{#else}{operation}{/if})")
    String failure_timeout(String operation);

    @Message("Claudio's address could not be reached ({reason})")
    String failure_unreachable(String reason);

    @Message("The job was sent to Claudio but no answer came back ({reason}). It may or may not have been created.")
    String failure_outcome_unknown(String reason);

    @Message("The file is {sizeMb} MB; Claudio accepts at most {limitMb} MB")
    String failure_too_large(String sizeMb, String limitMb);

    @Message("Claudio has been failing for this tenant; the portal pauses calls for a short while")
    String failure_circuit_open();

    // ---- why the tenant's Claudio address is refused (credentials.BaseUrlPolicy): on the connection page and in a job's lines ----

    @Message("This is not a valid web address.")
    String url_invalid();

    @Message("Use an address starting with https://.")
    String url_scheme();

    @Message("Use https:// — the API key and secret must not travel unencrypted.")
    String url_https();

    @Message("The address has no host name.")
    String url_no_host();

    @Message("Leave user names and passwords out of the address.")
    String url_user_info();

    @Message("Leave out everything after ? or #: enter only the base address.")
    String url_query();

    @Message("The host name {host} could not be found. Check the address for typing errors.")
    String url_unknown_host(String host);

    @Message("This address points into the portal's own network, which is not allowed. If your Claudio service really runs there, ask the platform operator to allow its host and port.")
    String url_internal();
}
