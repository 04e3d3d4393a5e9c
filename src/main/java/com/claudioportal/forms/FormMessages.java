package com.claudioportal.forms;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The form kit's own words (what {@link TextInput} says about typed text), in English; French in
 * messages/formmsg_fr.properties. In the form kit, which uses nothing of ours, so every form gets them.
 */
@MessageBundle(value = "formmsg", locale = "en")
public interface FormMessages {

    @Message("This")
    String text_this();

    @Message("{what} is too long: {length} characters, at most {max}.")
    String text_too_long(String what, String length, String max);

    @Message("Keep this on one line: remove the line breaks.")
    String text_one_line();

    @Message("Remove the invisible control characters; they were probably pasted in by accident.")
    String text_control();

    @Message("Remove the invisible characters that change the writing direction: they make text display differently from what it is.")
    String text_direction();
}
