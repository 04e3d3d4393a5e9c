package com.claudioportal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/** The English a bundle gives without a running application (plain unit tests, mutation testing) is the page's English. */
class WordsEnglishTest {

    interface Sizes {
        @Message("“{file}” is {size}; at most {limit}.")
        String refused(String file, String size, String limit);
    }

    @Test
    void aParameterNamedLikeAMapMethodKeepsItsValue() {
        // {size} once read the parameter map's size ("is 3")
        assertEquals("“a.wav” is 51 MB; at most 50 MB.", Words.english(Sizes.class).refused("a.wav", "51 MB", "50 MB"));
    }
}
