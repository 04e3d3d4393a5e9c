package com.claudioportal.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validation messages keyed by form field name, shown beside each field and in a summary at the
 * top of the form. The one way forms report bad input (see {@link FormValidator}).
 * <p>
 * Where a form repeats a kind of input (recordings, profile fields), the summary names the item the
 * short message beside the field belongs to ("Recording 2: write the start as HH:MM:SS") and links
 * to that item's input.
 */
public final class FormErrors {

    /**
     * The form as a whole (out of date, a disabled profile, no Claudio connection): no input to link to, so
     * the summary leaves it out and the {@code errorsummary} tag shows it on its own above the form.
     */
    public static final String FORM = "form";

    /** One line of the summary: the message beside the field, the summary's wording, the id of the input it links to. */
    public record Entry(String field, String message, String summary, String anchor) {
    }

    private record Item(String name, String anchor) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Adds a message for a field; the first message for a field wins. */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /**
     * Adds a message for a field of a repeated item: {@code item} names it in the summary (e.g.
     * "Recording 2", "Field 3 (Specialist bio)"), {@code anchor} is the id of its input.
     */
    public FormErrors add(String field, String message, String item, String anchor) {
        if (!byField.containsKey(field)) {
            byField.put(field, message);
            items.put(field, new Item(item, anchor));
        }
        return this;
    }

    /** The summary's lines, one per field, in the order the problems were found (the whole form's is not one). */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        // French sets a colon apart: "Enregistrement 2 : écrivez le début…"
        String colon = Words.french() ? " : " : ": ";
        byField.forEach((field, message) -> {
            if (field.equals(FORM)) {
                return;
            }
            Item item = items.get(field);
            String anchor = item != null && item.anchor() != null ? item.anchor() : "f-" + field;
            String summary = item != null && item.name() != null ? item.name() + colon + continuing(message) : message;
            entries.add(new Entry(field, message, summary, anchor));
        });
        return entries;
    }

    /** "Write the start as …" continues a summary line as "write the start as …"; names and quotes keep their capital. */
    private static String continuing(String message) {
        if (message.length() < 2 || !Character.isUpperCase(message.charAt(0)) || !Character.isLowerCase(message.charAt(1))) {
            return message;
        }
        int space = message.indexOf(' ');
        String first = space < 0 ? message : message.substring(0, space);
        if (Set.of("Claudio", "I").contains(first)) {
            return message;
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }
}
