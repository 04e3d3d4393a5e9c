package com.claudioportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.claudioportal.audit.AuditActions;
import com.claudioportal.audit.AuditMessages;
import com.claudioportal.forms.FormMessages;
import com.claudioportal.tenant.RoleMessages;
import com.claudioportal.turnaround.TurnaroundMessages;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every English message of each bundle has its French one and nothing French is left over: Qute falls
 * back to English for a missing key without a word, so this is where a forgotten translation fails.
 * (A key a template uses but the bundle lacks already fails the build.)
 */
class MessagesFrenchTest {

    @ParameterizedTest
    @ValueSource(classes = { Messages.class, JobMessages.class, AdminMessages.class, WorkflowMessages.class,
            AuditMessages.class, FormMessages.class, ScriptMessages.class, TimelineMessages.class,
            RoleMessages.class, TurnaroundMessages.class })
    void everyMessageHasAFrenchTranslationAndNoOtherKeys(Class<?> bundle) throws IOException {
        Set<String> missing = missingInFrench(bundle);
        Set<String> extra = new TreeSet<>(french(bundle).stringPropertyNames());
        extra.removeAll(english(bundle));
        assertEquals(Set.of(), missing, "messages without a French translation in " + file(bundle));
        assertEquals(Set.of(), extra, "French keys that are no message of " + bundle.getSimpleName());
        Properties french = french(bundle);
        french.stringPropertyNames().forEach(k -> assertTrue(!french.getProperty(k).isBlank(), k + " is empty"));
        // Qute reads these files itself and keeps a backslash-u escape as written: the page would show the escape, not the character
        try (InputStream raw = MessagesFrenchTest.class.getResourceAsStream("/" + file(bundle))) {
            String text = new String(raw.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(!text.contains("\\u"), file(bundle) + " writes a character as a \\u escape; write the character itself");
        }
    }

    @ParameterizedTest
    @ValueSource(classes = { Messages.class, JobMessages.class, AdminMessages.class, WorkflowMessages.class,
            AuditMessages.class, FormMessages.class, ScriptMessages.class, TimelineMessages.class,
            RoleMessages.class, TurnaroundMessages.class })
    void theCheckSeesAMessageLeftInEnglish(Class<?> bundle) throws IOException {
        // a positive control: drop one French line and the same comparison must name it
        Properties french = french(bundle);
        String dropped = english(bundle).iterator().next();
        french.remove(dropped);
        Set<String> missing = new TreeSet<>(english(bundle));
        missing.removeAll(french.stringPropertyNames());
        assertEquals(Set.of(dropped), missing);
    }

    @org.junit.jupiter.api.Test
    void everyValidationMessageHasAFrenchTranslation() throws IOException {
        // the messages of forms.FormValidator's checks (portal.…) live in a bundle of their own
        Properties english = load("/ValidationMessages.properties");
        Properties french = load("/ValidationMessages_fr.properties");
        assertTrue(english.size() > 5, "English validation messages: " + english.size());
        assertEquals(english.stringPropertyNames(), french.stringPropertyNames());
        french.stringPropertyNames().forEach(k -> assertTrue(!french.getProperty(k).equals(english.getProperty(k)), k + " is not translated"));
    }

    @org.junit.jupiter.api.Test
    void everyAuditActionHasWordsInBothLanguages() {
        // the audit pages name an action by act_<code>; a code added to the catalogue without its words would show as code
        Set<String> keys = english(AuditMessages.class);
        Set<String> missing = new TreeSet<>();
        AuditActions.all().keySet().forEach(code -> {
            if (!keys.contains("act_" + code.replace('.', '_').replace('-', '_'))) {
                missing.add(code);
            }
        });
        assertEquals(Set.of(), missing, "audit actions without words in AuditMessages");
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        InputStream stream = MessagesFrenchTest.class.getResourceAsStream(resource);
        assertTrue(stream != null, resource + " is missing");
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @org.junit.jupiter.api.Test
    void theShellSaysWhichLanguageThePageIsIn() throws IOException {
        assertEquals("fr", french(Messages.class).getProperty("lang"));
    }

    static Set<String> missingInFrench(Class<?> bundle) throws IOException {
        Set<String> missing = new TreeSet<>(english(bundle));
        missing.removeAll(french(bundle).stringPropertyNames());
        return missing;
    }

    static Set<String> english(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    static String file(Class<?> bundle) {
        return "messages/" + bundle.getAnnotation(MessageBundle.class).value() + "_fr.properties";
    }

    static Properties french(Class<?> bundle) throws IOException {
        Properties french = new Properties();
        InputStream stream = MessagesFrenchTest.class.getResourceAsStream("/" + file(bundle));
        assertTrue(stream != null, file(bundle) + " is missing");
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            french.load(in);
        }
        return french;
    }
}
