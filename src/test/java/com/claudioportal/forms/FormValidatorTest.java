package com.claudioportal.forms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The one way forms are checked; outside a request the messages are English. Required fields,
 * addresses and patterns are checked through a real form in {@code members.MemberFormTest}.
 */
class FormValidatorTest {

    @Test
    void plainTextUsesTextInputsRules() {
        FormErrors errors = FormValidator.check().plainText("name", "Maple\u0007Clinic", 120).plainText("long", "x".repeat(121), 120).errors();
        assertTrue(errors.has("name"), "a control character");
        assertTrue(errors.has("long"), "over the limit");
        assertTrue(FormValidator.check().plainText("name", "Clinique Éloïse", 120).errors().isEmpty());
    }
}
