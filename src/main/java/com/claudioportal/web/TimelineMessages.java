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
}
