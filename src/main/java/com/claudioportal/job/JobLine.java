package com.claudioportal.job;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.claudioportal.forms.Words;
import com.claudioportal.upload.Sizes;
import com.claudioportal.web.TimelineMessages;

/**
 * A timeline line as a message of {@link TimelineMessages} and its parameters (text), stored with
 * the event so each reader sees it in their language; {@link #english()} is what the event's
 * message column keeps. A parameter named {@code …Bytes} holds a size, formatted for the reader.
 */
public record JobLine(String code, Map<String, String> params) {

    public static JobLine of(String code, Object... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            params.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
        }
        method(code);
        return new JobLine(code, params);
    }

    public String english() {
        return render(code, params, Words.inEnglish(TimelineMessages.class));
    }

    /** The line in the reader's language, or null when the code is not (or no longer) a message. */
    static String render(String code, Map<String, String> params, TimelineMessages words) {
        Method m;
        try {
            m = method(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Object[] args = Arrays.stream(m.getParameters()).map(Parameter::getName).map(name -> {
            String value = params == null ? null : params.get(name);
            if (value != null && name.endsWith("Bytes") && value.matches("\\d+")) {
                return Sizes.human(Long.parseLong(value));
            }
            return value == null ? "" : value;
        }).toArray();
        try {
            return (String) m.invoke(words, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("timeline line " + code, e);
        }
    }

    private static Method method(String code) {
        for (Method m : TimelineMessages.class.getDeclaredMethods()) {
            if (m.getName().equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no timeline message " + code);
    }
}
