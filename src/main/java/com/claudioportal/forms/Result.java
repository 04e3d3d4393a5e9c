package com.claudioportal.forms;

import java.util.Objects;

/**
 * What a service hands back when an action may be refused: the value it made ({@code null} when
 * refused before anything was made), or why not, as messages per form field ({@link FormErrors},
 * empty when done) the page shows beside the fields. The one shape for "done, or why not":
 * services never return a problem as a bare string or an HTTP status; the resource decides how a
 * refusal reads on the wire (a page with the form again, a flash, a status chosen from
 * {@link #refusedOn()}).
 * <p>
 * A batch can be done in part ({@link #partly}): some jobs made, then a refusal for the rest.
 */
public record Result<T>(T value, FormErrors errors) {

    public Result {
        Objects.requireNonNull(errors);
    }

    public static <T> Result<T> done(T value) {
        return new Result<>(value, FormErrors.none());
    }

    /** Refused: {@code errors} say why (at least one message). */
    public static <T> Result<T> refused(FormErrors errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal says why");
        }
        return new Result<>(null, errors);
    }

    /** Refused for one reason, shown beside {@code field}. */
    public static <T> Result<T> refused(String field, String message) {
        return refused(FormErrors.none().add(field, message));
    }

    /** Done as far as {@code value} goes; {@code errors} (possibly none) say why not further. */
    public static <T> Result<T> partly(T value, FormErrors errors) {
        return new Result<>(value, errors);
    }

    /** Nothing was refused. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The first reason's message, for answers that show one line (a flash, a JSON error); {@code null} when done. */
    public String problem() {
        return errors.all().values().stream().findFirst().orElse(null);
    }

    /** The field of the first reason: what the resource maps to an answer; {@code null} when done. */
    public String refusedOn() {
        return errors.all().keySet().stream().findFirst().orElse(null);
    }
}
