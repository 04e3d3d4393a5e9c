package com.claudioportal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Browser-supplied file names are kept and forwarded, never used as paths. */
class FilenamesTest {

    @Test
    void keepsOrdinaryNamesAsTheyAre() {
        assertEquals("Lettre d'instruction – Éloïse.txt", Filenames.sanitize("Lettre d'instruction – Éloïse.txt"));
        assertEquals("dictation 1.wav", Filenames.sanitize("dictation 1.wav"));
    }

    @Test
    void dropsDirectoriesOfEitherKind() {
        assertEquals("passwd", Filenames.sanitize("../../etc/passwd"));
        assertEquals("evil.wav", Filenames.sanitize("C:\\Users\\x\\evil.wav"));
        assertEquals("pass_wd_1_.wav", Filenames.sanitize("..\\..\\etc/pass\u0007wd<1>.wav"));
    }

    @Test
    void replacesReservedAndControlCharactersAndFoldsSpace() {
        assertEquals("a_b_c_d_e_f_g_h.txt", Filenames.sanitize("a<b>c:d\"e|f?g*h.txt"));
        assertEquals("a b.txt", Filenames.sanitize("  a     b.txt  "));
        assertEquals("a _ b.txt", Filenames.sanitize("a \t b.txt"), "a tab is a control character");
        assertEquals("hidden", Filenames.sanitize("...hidden"), "no leading dots");
    }

    @Test
    void composesAccentsIntoOneForm() {
        String decomposed = "E\u0301loi\u0308se.txt";
        assertEquals("\u00c9lo\u00efse.txt", Filenames.sanitize(decomposed));
    }

    @Test
    void emptyNamesBecomeFile() {
        assertEquals("file", Filenames.sanitize(null));
        assertEquals("file", Filenames.sanitize(""));
        assertEquals("file", Filenames.sanitize("../.."));
        assertEquals("file", Filenames.sanitize("   "));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String cut = Filenames.sanitize("x".repeat(300) + ".wav");
        assertEquals(180, cut.length());
        assertTrue(cut.endsWith("x.wav"), cut);
        assertEquals(180, Filenames.sanitize("y".repeat(181)).length());
        assertEquals("y".repeat(180), Filenames.sanitize("y".repeat(181)), "no extension to keep");
        String longExtension = Filenames.sanitize("z".repeat(200) + ".averyveryverylongextension");
        assertEquals(180, longExtension.length());
        assertEquals("z".repeat(180), longExtension, "an 'extension' over 10 characters is not kept");
        assertEquals("w".repeat(180), Filenames.sanitize("w".repeat(180)), "exactly at the limit");
        assertEquals("v".repeat(170) + ".abcdefghi", Filenames.sanitize("v".repeat(200) + ".abcdefghi"), "a 10-character extension is kept");
        assertEquals("u".repeat(180), Filenames.sanitize("u".repeat(200) + ".abcdefghij"), "an 11-character one is not");
    }
}
