package com.claudioportal.job;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.claudioportal.forms.Words;
import com.claudioportal.upload.Sizes;
import com.claudioportal.web.Messages;
import com.claudioportal.web.TimelineMessages;

/**
 * A timeline line (or a job's status detail) as a message of {@link TimelineMessages} and its
 * parameters (text), stored with the event so each reader sees it in their language;
 * {@link #english()} is what the message column keeps. A parameter named {@code …Bytes} holds a
 * size, formatted for the reader. A parameter named {@code …Line} holds a nested line — another
 * code, whose own parameters are stored flat as {@code <name>.<parameter>} — so a reason (why
 * Claudio failed, why an address is refused) is worded once and read inside every line that
 * gives it. A code that is no timeline message may be one of the words {@link Messages} gives the
 * pages (a priority, {@code priority_URGENT}, nested in a reschedule), so each is worded once.
 */
public record JobLine(String code, Map<String, String> params) {

    /** {@code keysAndValues}: name, value, …; a {@link JobLine} value is nested, a null value left out. */
    public static JobLine of(String code, Object... keysAndValues) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            given.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return of(code, given);
    }

    /** As {@link #of(String, Object...)}, the parameters as a map (e.g. a Claudio failure's). */
    public static JobLine of(String code, Map<String, ?> given) {
        Map<String, String> params = new LinkedHashMap<>();
        given.forEach((name, value) -> put(params, name, value));
        method(code);
        return new JobLine(code, params);
    }

    private static void put(Map<String, String> params, String name, Object value) {
        if (value instanceof JobLine nested) {
            params.put(name, nested.code());
            nested.params().forEach((k, v) -> params.put(name + "." + k, v));
        } else if (value != null) {
            params.put(name, String.valueOf(value));
        }
    }

    /** The line in the reader's language (a flash or refusal that quotes a reason). */
    public String text() {
        return render(code, params, Wording.reader());
    }

    public String english() {
        return render(code, params, Wording.english());
    }

    /** The bundles a line is worded from, in one language. */
    record Wording(TimelineMessages lines, Messages shared) {

        static Wording reader() {
            return new Wording(Words.of(TimelineMessages.class), Words.of(Messages.class));
        }

        static Wording english() {
            return new Wording(Words.inEnglish(TimelineMessages.class), Words.inEnglish(Messages.class));
        }

        Object bundleOf(Method m) {
            return m.getDeclaringClass() == TimelineMessages.class ? lines : shared;
        }
    }

    /**
     * What a page shows for stored words and their code: the line in the reader's language, else the
     * words as stored. No words, no line: the code counts only while its English is there (a plain
     * SQL update that clears the words, like tracking.StillInProgress, leaves the code behind).
     */
    static String text(String stored, String code, Map<String, String> params) {
        if (stored == null) {
            return null;
        }
        String said = code == null ? null : render(code, params, Wording.reader());
        return said == null ? stored : said;
    }

    /** The line in the reader's language, or null when the code is not (or no longer) a message. */
    static String render(String code, Map<String, String> params, Wording words) {
        Method m;
        try {
            m = method(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Object[] args = Arrays.stream(m.getParameters()).map(Parameter::getName).map(name -> {
            String value = params == null ? null : params.get(name);
            if (value != null && name.endsWith("Line")) {
                String nested = render(value, inner(params, name + "."), words);
                return nested == null ? "" : nested;
            }
            if (value != null && name.endsWith("Bytes") && value.matches("\\d+")) {
                return Sizes.human(Long.parseLong(value));
            }
            return value == null ? "" : value;
        }).toArray();
        try {
            return (String) m.invoke(words.bundleOf(m), args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("timeline line " + code, e);
        }
    }

    private static Map<String, String> inner(Map<String, String> params, String prefix) {
        Map<String, String> inner = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                inner.put(k.substring(prefix.length()), v);
            }
        });
        return inner;
    }

    private static Method method(String code) {
        Method m = code == null ? null : METHODS.get(code);
        if (m == null) {
            throw new IllegalArgumentException("no timeline message " + code);
        }
        return m;
    }

    /** The bundles' methods by name, read once (every timeline line looks its code up): a timeline message before a shared word. */
    private static final Map<String, Method> METHODS = index(TimelineMessages.class, Messages.class);

    private static Map<String, Method> index(Class<?>... bundles) {
        Map<String, Method> methods = new HashMap<>();
        for (Class<?> bundle : bundles) {
            for (Method m : bundle.getDeclaredMethods()) {
                methods.putIfAbsent(m.getName(), m);
            }
        }
        return Map.copyOf(methods);
    }
}
