package com.claudioportal.forms;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The messages Java writes (validation errors, flash confirmations) in the reader's language, from
 * the same type-safe Qute message bundles the templates use: {@code Words.of(AdminMessages.class).conn_saved()}.
 * The language is the request's Accept-Language, which settings.LanguageChoice has already replaced by
 * exactly the language to use (the person's choice, else the browser's); outside a request it is English.
 * Without a running application (a plain unit test of a class that words its refusals) the bundle's
 * English is rendered from its {@code @Message} templates, so such classes stay testable without Quarkus.
 */
public final class Words {

    private static final Engine ENGLISH = Engine.builder().addDefaults().build();
    private static final Map<Method, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Words() {
    }

    public static <T> T of(Class<T> bundle) {
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        if (arc == null || !arc.isRunning()) {
            return english(bundle);
        }
        return MessageBundles.get(bundle, Localized.Literal.of(language()));
    }

    /** The bundle in English whatever the reader's language (what is stored for every reader, e.g. a timeline line's words). */
    public static <T> T inEnglish(Class<T> bundle) {
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        if (arc == null || !arc.isRunning()) {
            return english(bundle);
        }
        return MessageBundles.get(bundle, Localized.Literal.of("en"));
    }

    /** "fr" or "en". */
    public static String language() {
        // outside a request (an event-loop callback such as the Claudio client's address check, a worker
        // thread): English. A request manager left on the thread without an active request context would
        // throw ContextNotActiveException when asked for the headers.
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return "en";
        }
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return "en";
        }
        try {
            List<Locale> wanted = request.getHttpHeaders().getAcceptableLanguages();
            return !wanted.isEmpty() && "fr".equals(wanted.get(0).getLanguage()) ? "fr" : "en";
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return "en";
        }
    }

    public static boolean french() {
        return "fr".equals(language());
    }

    /** The reader's locale for figures and dates ("4,5", "3 déc. 2026"): Canadian French or English. */
    public static Locale locale() {
        return french() ? Locale.CANADA_FRENCH : Locale.ENGLISH;
    }

    /** The bundle's default (English) messages, rendered by a plain Qute engine. */
    static <T> T english(Class<T> bundle) {
        return bundle.cast(Proxy.newProxyInstance(bundle.getClassLoader(), new Class<?>[] { bundle }, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "English " + bundle.getSimpleName();
                };
            }
            Template template = TEMPLATES.computeIfAbsent(method, m -> ENGLISH.parse(m.getAnnotation(Message.class).value()));
            // each parameter by name, not one Map as the data: Qute reads {size} or {keys} of a Map as the Map's own
            TemplateInstance instance = template.instance();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                instance.data(parameters[i].getName(), args[i]);
            }
            return instance.render();
        }));
    }
}
