package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.claudioportal.credentials.SecretBox;
import com.claudioportal.credentials.TestSecretBoxes;
import com.claudioportal.infra.DatabaseOwner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After the whole suite (it is a plain JUnit class, so it runs after every Quarkus test, browser
 * tests included): no audit event and no job timeline line holds a secret or a fragment of one, a
 * file name, a field value, a job name or transcript text of any fixture. The sensitive strings are
 * read from what the tests stored (decrypting the stored credentials with the test keys), plus the
 * credentials tests typed that are no longer stored.
 */
class AuditHygieneScanTest {

    /** Keys and secrets the suite types into forms and services, also those removed or rotated away since. */
    static final List<String> TYPED_SECRETS = List.of("live-key-ABCDEFGH1234", "live-secret-ZYXWVUTS9876", "new-key-0001",
            "new-secret-0002", "first-key-AAAA1111", "second-key-CCCC3333", "sandbox-key-9911", "sandbox-secret-8822", "old-key-1111",
            "old-secret-2222", "audit-key-QWER5678", "audit-secret-ASDF4321", "audit-key-ZXCV0001", "audit-secret-ZXCV0002", "events-key-0000", "events-secret-0000");

    static final ObjectMapper JSON = new ObjectMapper();

    record Finding(String where, String kind, String value, String text) {
    }

    @Test
    void noEventOrTimelineLineHoldsASecretAFileNameOrHealthInformation() throws Exception {
        Map<String, Set<String>> sensitive = sensitiveStrings();
        assertTrue(sensitive.get("file name").size() >= 5 && sensitive.get("field value").size() >= 3,
                "found too little fixture data to scan (" + counts(sensitive) + "): this test checks what the rest of the suite "
                        + "left in the database, so run it with the suite (./mvnw verify)");
        List<String[]> texts = new ArrayList<>();
        for (Object[] r : DatabaseOwner.query("select id, tenant_id, action, details, coalesce(target_id, '') from audit_event")) {
            texts.add(new String[] { "audit_event " + r[0] + " (" + r[1] + ", " + r[2] + ")", r[3] + " " + r[4] });
        }
        int events = texts.size();
        for (Object[] r : DatabaseOwner.query("select id, tenant_id, message from job_event")) {
            texts.add(new String[] { "job_event " + r[0] + " (" + r[1] + ")", (String) r[2] });
        }
        assertTrue(events >= 500, "expected the suite's events, found " + events);

        List<Finding> findings = new ArrayList<>();
        for (String[] t : texts) {
            for (Map.Entry<String, Set<String>> kind : sensitive.entrySet()) {
                for (String value : kind.getValue()) {
                    if (t[1].contains(value)) {
                        findings.add(new Finding(t[0], kind.getKey(), value, t[1]));
                    }
                }
            }
        }
        assertEquals(List.of(), findings.stream().limit(30).toList(), findings.size() + " findings, scanned " + texts.size() + " texts for "
                + counts(sensitive));
    }

    static Map<String, Set<String>> sensitiveStrings() throws IOException {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>(TYPED_SECRETS);
        SecretBox box = testBox();
        for (Object[] r : DatabaseOwner.query("select tenant_id, api_key_sealed, api_secret_sealed from claudio_connection")) {
            secrets.add(box.open((String) r[1], "claudio-api-key:" + r[0]));
            secrets.add(box.open((String) r[2], "claudio-api-secret:" + r[0]));
        }
        Set<String> fragments = new HashSet<>();
        for (String secret : secrets) {
            String last4 = secret.substring(secret.length() - 4);
            // the forms the last characters took in audit details and targets, and a longer tail
            for (String key : List.of("Key", "key", "Secret", "secret", "Hint", "hint")) {
                fragments.add(key + "\":\"" + last4 + "\"");
            }
            fragments.add("\u2022" + last4);
            fragments.add(secret.substring(Math.max(0, secret.length() - 8)));
        }
        for (Object[] r : DatabaseOwner.query("select token_hint from webhook_token")) {
            fragments.add("\u2022" + r[0]);
        }
        s.put("secret", secrets);
        s.put("fragment of a secret", fragments);

        Set<String> files = new HashSet<>();
        for (String sql : List.of("select original_filename from upload", "select original_filename from job_file")) {
            DatabaseOwner.query(sql).forEach(r -> addIf(files, (String) r[0], 8));
        }
        s.put("file name", files);

        // values an admin put in presets or profile defaults are the clinic's settings, not a patient's
        Set<String> configured = new HashSet<>();
        DatabaseOwner.query("select name from tenant union select display_name from profile").forEach(r -> configured.add((String) r[0]));
        DatabaseOwner.query("select name, (select coalesce(jsonb_agg(v -> 'value'), '[]') from jsonb_array_elements(field_values) v)::text from preset").forEach(r -> {
            configured.add((String) r[0]);
            values(json((String) r[1])).forEach(configured::add);
        });
        Set<String> fields = new HashSet<>();
        Set<String> transcripts = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Object[] r : DatabaseOwner.query("select name, field_values::text, result::text from job")) {
            String name = (String) r[0];
            if (configured.stream().noneMatch(c -> c.contains(name))) {
                addIf(names, name, 8);
            }
            for (String v : values(json((String) r[1]))) {
                if (!configured.contains(v) && v.matches(".*\\p{L}.*")) {
                    addIf(fields, v, 6);
                }
            }
            JsonNode result = json((String) r[2]);
            if (result != null) {
                lines(result.path("rawText").asText(""), transcripts);
                for (JsonNode x : result.path("extractedFields")) {
                    addIf(transcripts, x.path("value").asText(""), 8);
                }
            }
        }
        s.put("field value", fields);
        s.put("job name", names);
        s.put("transcript text", transcripts);
        return s;
    }

    static void lines(String text, Set<String> into) {
        for (String line : text.split("[\\n.]")) {
            addIf(into, line.strip(), 20);
        }
    }

    static void addIf(Set<String> set, String value, int minLength) {
        if (value != null && value.strip().length() >= minLength) {
            set.add(value.strip());
        }
    }

    static JsonNode json(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                JsonNode v = it.next();
                if (v.isTextual()) {
                    out.add(v.asText().strip());
                }
            }
        }
        return out;
    }

    static SecretBox testBox() throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditHygieneScanTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String keys = p.getProperty("%test.portal.encryption.keys");
        String active = p.getProperty("%test.portal.encryption.active-key");
        return TestSecretBoxes.box(keys, active);
    }

    static String counts(Map<String, Set<String>> sensitive) {
        StringBuilder s = new StringBuilder();
        sensitive.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(v.size()).append(' ').append(k).append('s'));
        return s.toString();
    }
}
