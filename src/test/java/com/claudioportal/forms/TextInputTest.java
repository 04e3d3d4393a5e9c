package com.claudioportal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.claudioportal.forms.TextInput.Lines;

class TextInputTest {

    @Test
    void limitsAreCharactersSoAccentedTextGetsTheSameRoom() {
        String french = "é".repeat(20_000);
        assertEquals(40_000, french.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertNull(TextInput.problem(french, 20_000, Lines.MULTI));
        assertEquals("This is too long: 20,001 characters, at most 20,000.", TextInput.problem(french + "e", 20_000, Lines.MULTI));
        // a character outside the basic plane is one character, not two
        assertNull(TextInput.problem("\ud83d\ude00".repeat(10), 10, Lines.SINGLE));
    }

    @Test
    void controlCharactersAreRefusedTabsAndLineBreaksOnlyInFreeText() {
        assertTrue(TextInput.problem("a\u0000b", 100, Lines.MULTI).contains("control characters"));
        assertTrue(TextInput.problem("a\u0085b", 100, Lines.MULTI).contains("control characters"));
        assertNull(TextInput.problem("line 1\r\nline 2\tend", 100, Lines.MULTI));
        assertEquals("Keep this on one line: remove the line breaks.", TextInput.problem("a\nb", 100, Lines.SINGLE));
        assertTrue(TextInput.problem("a\tb", 100, Lines.SINGLE).contains("control characters"));
    }

    @Test
    void directionOverridesAreRefusedOnOneLine() {
        String spoofed = "invoice\u202efdp.exe";
        assertTrue(TextInput.problem(spoofed, 100, Lines.SINGLE).contains("writing direction"));
        assertTrue(TextInput.problem("x\u2067y", 100, Lines.SINGLE).contains("writing direction"));
        // right-to-left text needs none of them, and the marks are harmless
        assertNull(TextInput.problem("د. سارة \u200fعلي", 100, Lines.SINGLE));
        assertNull(TextInput.problem("mixed \u202bembedded\u202c prose", 100, Lines.MULTI));
    }

    @Test
    void emptyIsNotThisChecksBusiness() {
        assertNull(TextInput.problem(null, 1, Lines.SINGLE));
        assertNull(TextInput.problem("", 1, Lines.SINGLE));
    }
}
