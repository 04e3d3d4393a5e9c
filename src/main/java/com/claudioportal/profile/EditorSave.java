package com.claudioportal.profile;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.web.SeeOther;

import io.quarkus.qute.TemplateInstance;

/**
 * How the profile and preset editors answer their form: a row action (add, remove or move a row)
 * shows the editor again with the change and saves nothing; a refused save shows it again (400)
 * with the problems by field; a save is confirmed and goes on to the page {@code then} names.
 */
final class EditorSave {

    private EditorSave() {
    }

    /**
     * @param editor       the editor page showing the form with these problems
     * @param confirmation asked for only once saved (the form's values are checked by then)
     * @param then         the page of the tenant to go to, from what the save returned
     */
    static <T> Response answer(boolean rowAction, Function<FormErrors, TemplateInstance> editor, Supplier<Result<T>> save,
            SeeOther answer, Supplier<String> confirmation, Function<T, String> then) {
        if (rowAction) {
            return Response.ok(editor.apply(FormErrors.none())).build();
        }
        Result<T> saved = save.get();
        if (!saved.ok()) {
            return Response.status(400).entity(editor.apply(saved.errors())).build();
        }
        String confirmed = confirmation.get();
        return answer.success(then.apply(saved.value()), confirmed);
    }
}
