package com.claudioportal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.claudioportal.web.AdminMessages;

/**
 * The connection page's badge words the last test by a web.AdminMessages key: its outcome's, or for a
 * test saved before the outcome was kept (V7), "Works" or "Failed" by whether it passed.
 */
class LastTestWordKeyTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("WORKS", true, "verdict_WORKS"),
                Arguments.of("REJECTED", false, "verdict_REJECTED"),
                Arguments.of("UNREACHABLE", false, "verdict_UNREACHABLE"),
                Arguments.of("UNEXPECTED", false, "verdict_UNEXPECTED"),
                Arguments.of(null, true, "verdict_WORKS"),
                Arguments.of(null, false, "verdict_failed"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theBadgeHasAWordForEveryStoredTest(String outcome, boolean ok, String key) {
        ClaudioConnection c = new ClaudioConnection();
        c.lastTestOutcome = outcome;
        c.lastTestOk = ok;
        assertEquals(key, c.lastTestWordKey());
        assertTrue(Arrays.stream(AdminMessages.class.getDeclaredMethods()).map(Method::getName).anyMatch(key::equals),
                key + " is a message of AdminMessages");
    }
}
