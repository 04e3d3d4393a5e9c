package com.claudioportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every English message has its French one and nothing French is left over: Qute falls back to English
 * for a missing key without a word, so this is where a forgotten translation fails. (A key a template uses
 * but the bundle lacks already fails the build.)
 */
class MessagesFrenchTest {

    @Test
    void everyMessageHasAFrenchTranslationAndNoOtherKeys() throws IOException {
        Set<String> english = Arrays.stream(Messages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties french = new Properties();
        try (Reader in = new InputStreamReader(MessagesFrenchTest.class.getResourceAsStream("/messages/msg_fr.properties"),
                StandardCharsets.UTF_8)) {
            french.load(in);
        }
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(french.stringPropertyNames());
        Set<String> extra = new TreeSet<>(french.stringPropertyNames());
        extra.removeAll(english);
        assertEquals(Set.of(), missing, "messages without a French translation in messages/msg_fr.properties");
        assertEquals(Set.of(), extra, "French keys that are no message of web.Messages");
        french.stringPropertyNames().forEach(k -> assertTrue(!french.getProperty(k).isBlank(), k + " is empty"));
        assertEquals("fr", french.getProperty("lang"));
    }
}
