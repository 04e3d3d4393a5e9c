package com.claudioportal.forms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * Checks a submitted form against its Bean Validation constraints and returns the messages per
 * field, so the resource can show the form again with everything the user typed.
 */
@ApplicationScoped
public class FormValidator {

    @Inject
    Validator validator;

    public FormErrors validate(Object form) {
        return FormErrors.of(validator.validate(form));
    }
}
