package com.claudioportal.forms;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The one way a form's input is checked: a form class says what each field must be, the checks
 * collect {@link FormErrors} (the first problem of a field wins; later checks of that field are
 * skipped, so a blank address reads "Enter …", never also "not valid"), and the resource shows the
 * form again with the messages beside the fields and everything the user typed. Rules that need the
 * database (a name taken, the last admin) are the service's and come back in its {@link Result}.
 * <p>
 * A check's message is a key of ValidationMessages(_fr).properties ({@code portal.email.invalid}),
 * read in the reader's language ({@link Words#language()}), the same language the page is in;
 * {@link #plainText} uses {@link TextInput}'s own words.
 * <pre>
 * FormErrors errors = FormValidator.check()
 *         .required("email", form.email, "portal.member.email.missing")
 *         .email("email", form.email)
 *         .errors();
 * </pre>
 */
public final class FormValidator {

    /**
     * An e-mail address as people type it, as Hibernate Validator's {@code @Email} took it before: a
     * local part of the characters RFC 5322 allows unquoted (and any non-ASCII letter), an {@code @},
     * and a host name of labels (letters, digits, inner dashes; international names too).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+@[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]{0,61}[A-Za-z0-9\\u0080-\\uFFFF])?"
                    + "(?:\\.[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]{0,61}[A-Za-z0-9\\u0080-\\uFFFF])?)*");

    /** An address's limit, in characters (its columns hold 320). */
    public static final int MAX_EMAIL = 320;

    private final FormErrors errors = FormErrors.none();

    private FormValidator() {
    }

    public static FormValidator check() {
        return new FormValidator();
    }

    /** The field must hold something other than spaces. */
    public FormValidator required(String field, String value, String messageKey) {
        return refuseIf(field, value == null || value.isBlank(), messageKey);
    }

    /** A value, if given, must match {@code pattern} as a whole. */
    public FormValidator matches(String field, String value, Pattern pattern, String messageKey) {
        return refuseIf(field, value != null && !value.isEmpty() && !pattern.matcher(value).matches(), messageKey);
    }

    /** An address, if given, must look like one and fit {@link #MAX_EMAIL}; spaces around it are forgiven. */
    public FormValidator email(String field, String value) {
        String address = value == null ? "" : value.trim();
        refuseIf(field, address.length() > MAX_EMAIL, "portal.email.too-long");
        return refuseIf(field, !address.isEmpty() && !EMAIL.matcher(address).matches(), "portal.email.invalid");
    }

    /** {@link TextInput}'s rules: at most {@code max} characters, no control characters, on one line no direction overrides. */
    public FormValidator plainText(String field, String value, int max) {
        if (!errors.has(field)) {
            String problem = TextInput.problem(value, max, TextInput.Lines.SINGLE);
            if (problem != null) {
                errors.add(field, problem);
            }
        }
        return this;
    }

    public FormErrors errors() {
        return errors;
    }

    private FormValidator refuseIf(String field, boolean refused, String messageKey) {
        if (refused && !errors.has(field)) {
            errors.add(field, message(messageKey));
        }
        return this;
    }

    /** The message of {@code key} in the reader's language (the key itself if a bundle lacks it: a test catches that). */
    static String message(String key) {
        try {
            // no fallback to the JVM's locale: English is the base file, whatever the server's language
            return ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(Words.language()),
                    FormValidator.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
