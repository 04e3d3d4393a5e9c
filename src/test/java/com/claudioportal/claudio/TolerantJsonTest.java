package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The small readers behind AnswerReader, one documented spelling at a time. */
class TolerantJsonTest {

    static JsonNode json(String s) {
        return TolerantJson.object(s.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode value(String s) {
        return json("{\"v\":" + s + "}").get("v");
    }

    @Test
    void onlyAnObjectIsAnObject() {
        assertNull(TolerantJson.object(null));
        assertNull(TolerantJson.object(new byte[0]));
        assertNull(TolerantJson.object("[1]".getBytes()));
        assertNull(TolerantJson.object("<html>".getBytes()));
        assertTrue(TolerantJson.object("{}".getBytes()).isObject());
        assertTrue(TolerantJson.isJson("[1]".getBytes()));
        assertFalse(TolerantJson.isJson("<html>".getBytes()));
        assertFalse(TolerantJson.isJson(new byte[0]));
        assertFalse(TolerantJson.isJson(null));
    }

    @Test
    void textTakesTheFirstKeyWithAStringOrNumber() {
        JsonNode n = json("{\"a\":null,\"b\":[1],\"c\":7,\"d\":\"x\"}");
        assertEquals("7", TolerantJson.text(n, "a", "b", "c", "d"));
        assertEquals("x", TolerantJson.text(n, "d", "c"));
        assertNull(TolerantJson.text(n, "a", "b", "z"));
        assertNull(TolerantJson.text(null, "a"));
        assertEquals("m", TolerantJson.message(json("{\"message\":\"m\"}")));
        assertEquals("first", TolerantJson.message(json("{\"msg\":\"first\",\"message\":\"second\"}")));
        assertTrue(TolerantJson.hasAny(n, "z", "a"));
        assertFalse(TolerantJson.hasAny(n, "z"));
        assertFalse(TolerantJson.hasAny(null, "a"));
    }

    @Test
    void stringsFlattenArraysObjectsAndNumbers() {
        JsonNode n = json("{\"a\":\"one\",\"b\":[\"two\",\" \",3,{\"file_url\":\"https://x/4\"},{\"name\":\"no link\"},null],\"c\":null}");
        assertEquals(List.of("one", "two", "3", "https://x/4"), TolerantJson.strings(n, "a", "b", "c", "missing"));
        assertEquals(List.of(), TolerantJson.strings(null, "a"));
    }

    @Test
    void urlInPrefersALinkAndFallsBackToAnyLinkNamedValue() {
        assertEquals("https://x/1", TolerantJson.urlIn(json("{\"name\":\"https://no\",\"download_url\":\"https://x/1\"}")));
        assertEquals("https://x/2", TolerantJson.urlIn(json("{\"file_location\":\"https://x/2\"}")));
        assertEquals("https://x/3", TolerantJson.urlIn(json("{\"share_link\":\" https://x/3 \"}")));
        assertEquals("not a link", TolerantJson.urlIn(json("{\"url\":\"not a link\",\"other_url\":\"\"}")));
        assertEquals("/files/9", TolerantJson.urlIn(json("{\"url\":\"first fallback\",\"link\":\"/files/9\"}")));
        assertNull(TolerantJson.urlIn(json("{\"url\":7,\"x\":\"https://y\"}")));
        assertTrue(TolerantJson.looksLikeUrl("HTTP://A/b"));
        assertTrue(TolerantJson.looksLikeUrl("/relative/path"));
        assertFalse(TolerantJson.looksLikeUrl("ftp://a"));
        assertFalse(TolerantJson.looksLikeUrl("https://a b"));
        assertFalse(TolerantJson.looksLikeUrl(null));
    }

    @Test
    void tagsAndMessages() {
        assertEquals("SUCCESS", TolerantJson.tag("SUCCESS: Job completed."));
        assertEquals("SUCCESS", TolerantJson.tag("success :Job completed."));
        assertEquals("NOTICE", TolerantJson.tag("  ** Notice: still working"));
        assertEquals("", TolerantJson.tag("no tag here"));
        assertEquals("", TolerantJson.tag(null));
        assertEquals("a b c", TolerantJson.normalise("  a\n b \t c "));
        assertNull(TolerantJson.normalise(null));
    }

    @Test
    void numbersSecondsAndBooleansInEveryRendering() {
        assertEquals(4823311L, TolerantJson.longValue(value("4823311")));
        assertEquals(4823311L, TolerantJson.longValue(value("\" 4823311.0 \"")));
        assertNull(TolerantJson.longValue(value("\"big\"")));
        assertNull(TolerantJson.longValue(value("null")));
        assertNull(TolerantJson.longValue(value("[1]")));
        assertNull(TolerantJson.longValue(null));
        assertEquals(754.2, TolerantJson.seconds(value("754.2")));
        assertEquals(754.0, TolerantJson.seconds(value("\"00:12:34\"")));
        assertEquals(3723.5, TolerantJson.seconds(value("\"1:02:03.5\"")));
        assertEquals(12.0, TolerantJson.seconds(value("\"12 seconds\"")));
        assertEquals(12.5, TolerantJson.seconds(value("\"12.5s\"")));
        assertNull(TolerantJson.seconds(value("\"soon\"")));
        assertNull(TolerantJson.seconds(value("true")));
        assertNull(TolerantJson.seconds(value("null")));
        assertNull(TolerantJson.seconds(null));
        assertEquals(Boolean.TRUE, TolerantJson.bool(value("true")));
        assertEquals(Boolean.TRUE, TolerantJson.bool(value("1")));
        assertEquals(Boolean.FALSE, TolerantJson.bool(value("0")));
        for (String t : List.of("\"true\"", "\" Yes \"", "\"1\"")) {
            assertEquals(Boolean.TRUE, TolerantJson.bool(value(t)), t);
        }
        for (String f : List.of("\"false\"", "\"NO\"", "\"0\"")) {
            assertEquals(Boolean.FALSE, TolerantJson.bool(value(f)), f);
        }
        assertNull(TolerantJson.bool(value("\"maybe\"")));
        assertNull(TolerantJson.bool(value("[]")));
        assertNull(TolerantJson.bool(value("null")));
        assertNull(TolerantJson.bool(null));
    }

    @Test
    void fieldListsFromArraysMapsAndStrings() {
        assertEquals(List.of(Map.of("key", "a", "value", "1"), Map.of("value", "plain"), Map.of("value", 5)),
                TolerantJson.fieldList(value("[{\"key\":\"a\",\"value\":\"1\"},\"plain\",5,null]")));
        assertEquals(List.of(Map.of("key", "a", "value", "x"), Map.of("key", "b", "value", List.of(1, 2))),
                TolerantJson.fieldList(value("{\"a\":\"x\",\"b\":[1,2]}")));
        assertEquals(List.of(Map.of("value", "text")), TolerantJson.fieldList(value("\"text\"")));
        assertEquals(List.of(), TolerantJson.fieldList(value("\" \"")));
        assertEquals(List.of(), TolerantJson.fieldList(value("null")));
        assertEquals(List.of(), TolerantJson.fieldList(value("3")));
        assertEquals(List.of(), TolerantJson.fieldList(null));
    }
}
