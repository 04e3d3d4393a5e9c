package com.claudioportal.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.claudioportal.forms.Words;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.RawString;

/**
 * The browser scripts' words ({@link ScriptMessages}) in the reader's language, as the JSON the layout
 * puts in {@code <script type="application/json" id="portal-words">} (data, never run, so the
 * Content-Security-Policy's script-src 'self' allows it) and portal.js reads with {@code PortalWords.t}.
 * Each parameter stays as its {@code {name}} for the script to fill in. {@code <}, {@code >} and
 * {@code &} are written as JSON escapes so no message can end the script element.
 */
@Named("scriptWords")
@ApplicationScoped
public class ScriptWords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, RawString> byLanguage = new ConcurrentHashMap<>();

    public RawString json() {
        return byLanguage.computeIfAbsent(Words.language(), language -> new RawString(render(Words.of(ScriptMessages.class))));
    }

    static String render(ScriptMessages words) {
        Map<String, String> all = new TreeMap<>();
        Arrays.stream(ScriptMessages.class.getDeclaredMethods()).sorted(Comparator.comparing(Method::getName)).forEach(m -> {
            Object[] placeholders = Arrays.stream(m.getParameters()).map(Parameter::getName).map(n -> "{" + n + "}").toArray();
            try {
                all.put(m.getName(), (String) m.invoke(words, placeholders));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("script word " + m.getName(), e);
            }
        });
        try {
            return JSON.writeValueAsString(all).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
