package com.claudioportal.forms;

import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The messages Java writes (validation errors, flash confirmations) in the reader's language, from
 * the same type-safe Qute message bundles the templates use: {@code Words.of(AdminMessages.class).conn_saved()}.
 * The language is the request's Accept-Language, which settings.LanguageChoice has already replaced by
 * exactly the language to use (the person's choice, else the browser's); outside a request it is English.
 */
public final class Words {

    private Words() {
    }

    public static <T> T of(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(language()));
    }

    /** "fr" or "en". */
    public static String language() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return "en";
        }
        List<Locale> wanted = request.getHttpHeaders().getAcceptableLanguages();
        return !wanted.isEmpty() && "fr".equals(wanted.get(0).getLanguage()) ? "fr" : "en";
    }
}
