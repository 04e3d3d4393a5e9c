package com.claudioportal.infra;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Arrays;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A browser test's steps on a portal form, as a person takes them: fill in the fields and press a button, then
 * read the messages beside the fields and what the refused form gave back. Fields and values come in pairs
 * ({@code selector, value, ...}), in the order a person would fill them.
 */
public final class FormSteps {

    private FormSteps() {
    }

    /** Fills in the fields of {@code button}'s page (see {@link #fillIn}) and presses {@code button}. */
    public static void submit(Locator button, String... fieldsAndValues) {
        fillIn(button.page(), fieldsAndValues);
        button.click();
    }

    /** Fills in fields without sending the form: a {@code <select>} gets the option of that value, any other field the text. */
    public static void fillIn(Page page, String... fieldsAndValues) {
        pairs(fieldsAndValues);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Locator field = page.locator(fieldsAndValues[i]);
            if ("SELECT".equals(field.evaluate("e => e.tagName"))) {
                field.selectOption(fieldsAndValues[i + 1]);
            } else {
                field.fill(fieldsAndValues[i + 1]);
            }
        }
    }

    /** The messages a refused form shows beside its fields ({@code field name, part of its message, ...}: data-field-error). */
    public static void assertBesideFields(Page page, String... fieldsAndMessages) {
        pairs(fieldsAndMessages);
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            assertThat(page.locator("[data-field-error='" + fieldsAndMessages[i] + "']")).containsText(fieldsAndMessages[i + 1]);
        }
    }

    /** What the fields hold ({@code selector, value, ...}): a refused form gives back what the person entered. */
    public static void assertKept(Page page, String... fieldsAndValues) {
        pairs(fieldsAndValues);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            assertThat(page.locator(fieldsAndValues[i])).hasValue(fieldsAndValues[i + 1]);
        }
    }

    private static void pairs(String[] namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs: " + Arrays.toString(namesAndValues));
        }
    }
}
