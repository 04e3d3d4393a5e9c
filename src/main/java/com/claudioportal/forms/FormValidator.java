package com.claudioportal.forms;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a submitted form against its Bean Validation constraints and returns the messages per
 * field, so the resource can show the form again with everything the user typed. A constraint's
 * message {@code "{portal.email.invalid}"} is read from ValidationMessages(_fr).properties in the
 * reader's language ({@link Words#language()}), the same language the page is in.
 */
@ApplicationScoped
public class FormValidator {

    private static final Pattern KEY = Pattern.compile("^\\{(portal\\.[A-Za-z0-9.-]+)\\}$");

    @Inject
    Validator validator;

    public FormErrors validate(Object form) {
        return FormErrors.of(validator.validate(form), FormValidator::message);
    }

    static String message(ConstraintViolation<?> v) {
        Matcher key = KEY.matcher(v.getMessageTemplate());
        if (!key.matches()) {
            return v.getMessage();
        }
        try {
            return ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(Words.language()),
                    FormValidator.class.getClassLoader()).getString(key.group(1));
        } catch (MissingResourceException e) {
            return v.getMessage();
        }
    }
}
