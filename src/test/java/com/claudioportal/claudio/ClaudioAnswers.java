package com.claudioportal.claudio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Claudio's recorded answers (JSON and HTML) in src/test/resources/claudio, one per documented variant.
 * Not the portal's test data: that is {@code infra.Fixtures} (tenants, members, profiles, jobs in the database).
 */
final class ClaudioAnswers {

    private ClaudioAnswers() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ClaudioAnswers.class.getResourceAsStream("/claudio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No recorded answer " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static Exchange.Answered json(int status, String name) {
        return new Exchange.Answered(status, "application/json", bytes(name));
    }
}
