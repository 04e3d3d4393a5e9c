package com.claudioportal.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs after the whole test suite (its own Surefire execution, see pom.xml) and reads everything the
 * portal logged during it (target/test-logs, written by the test profile): no fixture secret, no
 * field value, no original file name and no transcript text may appear in it. The fixtures use
 * the values listed here; a new fixture secret or health value belongs in this list.
 */
class LogLeakCheck {

    static final Path LOGS = Path.of("target", "test-logs");

    /** Literal values from the test fixtures and configuration. */
    static final List<String> SECRETS = List.of(
            // configuration: session encryption, master keys, sandbox control token
            "test-only-session-secret-0123456789abcdef",
            "AslrJxANTZF0YB+L8Joo7noKqScfrCouHnwrpSkYLKQ=", "0+v13MC/jHcTvB6Bd72+G2TCSniXCgu3PZPA1OIxb9o=",
            "test-only-sandbox-control-token",
            // tenant admins' Claudio keys and secrets
            "live-key-ABCDEFGH1234", "live-secret-ZYXWVUTS9876", "first-key-AAAA1111", "first-secret-BBBB2222",
            "second-key-CCCC3333", "second-secret-DDDD4444", "sandbox-key-9911", "sandbox-secret-8822",
            "old-key-1111", "old-secret-2222", "new-key-0001", "new-secret-0002", "only-a-new-key",
            // the error page test's exception message
            "hunter2");

    /** Secrets the fixtures make up per run (a fixed prefix and a random part). */
    static final List<Pattern> SECRET_PATTERNS = List.of(
            Pattern.compile("fixture-(key|secret)-[0-9a-f-]{36}"),
            Pattern.compile("role-(key|secret)-[0-9a-f]{8}"),
            Pattern.compile("\\b(key|secret)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("leak(key|secret|wrong|hook)[0-9a-f]{32}"),
            Pattern.compile("/webhooks/claudio/[A-Za-z0-9_-]{20,}"));

    /** Health information: field values, original file names, document and transcript text. */
    static final List<String> HEALTH = List.of(
            "Dr. Jane Roe", "MD, FRCSC", "Orthopaedic surgeon", "Dr. Secret Name", "Dr. Visible Name", "Dr. Kept Value",
            "Dr. Twice", "Dr. Role", "J. Doe", "K. Kept", "Acme Mutual",
            "part-1.wav", "part-2.wav", "dictation-1.wav", "letter-of-instruction.txt", "huge-dictation.wav", "interview.mp3",
            "kept.txt", "once.wav", "Éloïse", "The claimant attended the examination");

    @Test
    void theTestRunLoggedNoSecretAndNoHealthInformation() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.exists(LOGS) ? Files.list(LOGS) : Stream.empty()) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
        String log = all.toString();
        String partial = System.getProperty("portal.partial-run", "");
        boolean someTestsOnly = !partial.isBlank() && !partial.startsWith("${");
        // the whole suite always starts the portal: no log then means the file log is off and this check blind
        assertTrue(someTestsOnly || log.contains("Profile test activated"), "no test log in " + LOGS.toAbsolutePath());
        List<String> found = new ArrayList<>();
        for (String line : log.split("\n")) {
            for (String s : SECRETS) {
                if (line.contains(s)) {
                    found.add("secret " + mask(s) + " in: " + line.replace(s, "<SECRET>"));
                }
            }
            for (Pattern p : SECRET_PATTERNS) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    found.add("secret like " + p + " in: " + line.replace(m.group(), "<SECRET>"));
                }
            }
            for (String h : HEALTH) {
                if (line.contains(h)) {
                    found.add("health information \"" + h + "\" in: " + line);
                }
            }
        }
        assertEquals(List.of(), found.stream().distinct().limit(30).toList());
    }

    private static String mask(String s) {
        return s.substring(0, Math.min(4, s.length())) + "…";
    }
}
