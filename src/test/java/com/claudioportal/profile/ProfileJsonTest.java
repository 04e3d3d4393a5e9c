package com.claudioportal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading a pasted profile, without a running portal (PIT mutates ProfileJson with these tests). The
 * refusals worded through the message bundles are checked in ProfileImportWordsTest, a Quarkus test.
 */
class ProfileJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String seed() throws IOException {
        try (var in = ProfileJsonTest.class.getResourceAsStream("/seed/claudio-submit-job.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheVendorsSampleAsPastedFromTheirPage() throws IOException {
        String seed = seed();
        assertTrue(seed.contains("\u00a0"), "the fixture keeps the page's non-breaking spaces");
        ProfileJson.Parsed parsed = ProfileJson.parse(seed);
        assertTrue(parsed.ok(), parsed.problem());
        ProfileContent c = parsed.content();
        assertEquals("IME with Structura Doc Extraction", parsed.displayName());
        assertEquals("12M78H7656325X96R99", c.claudioProfileId());
        assertEquals("70L34P7896Q97U81", c.formId());
        assertFalse(c.defaultIsRaw(), "the docs' placeholder text is not \"1\"");
        assertEquals(List.of("loi"), c.docTypes());
        assertEquals(List.of("specialist_name", "specialist_credentials", "specialist_bio"),
                c.fields().stream().map(ProfileField::key).toList());
        ProfileField name = c.fields().get(0);
        assertEquals("Medical Specialist", name.uiLabel());
        assertEquals("string", name.type());
        assertEquals("Approved Medical Specialist name", name.uiDesc());
        assertFalse(parsed.credentialsIgnored(), "the sample's placeholder credentials are not real ones");
    }

    @Test
    void invalidJsonNamesTheLineAndWhatToDoInWords() {
        ProfileJson.Parsed parsed = ProfileJson.parse("{\n  \"form_id\": \"x\",\n  \"profile_id\" \"y\"\n}");
        assertFalse(parsed.ok());
        assertEquals("Line 3 (\u201c\"profile_id\" \"y\"\u201d): a colon is missing between a name and its value, like \"key\": \"value\".",
                parsed.problem());
    }

    @Test
    void missingValuesAreNamed() {
        ProfileJson.Parsed parsed = ProfileJson.parse("{\"form_id\": \"F\", \"job_data\": []}");
        assertEquals("The JSON has no \"profile_id\", \"profile_name\" values. A Claudio sample job names the profile and lists its fields.",
                parsed.problem());
        assertTrue(ProfileJson.parse("{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\"}").problem().contains("\"job_data\""));
        assertTrue(ProfileJson.parse("[1,2]").problem().contains("one object"));
    }

    @Test
    void fieldProblemsPointAtTheField() {
        String base = "{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\",\"job_data\":";
        assertEquals("job_data[1] has no \"key\" (its label is \"Bio\").",
                ProfileJson.parse(base + "[{\"key\":\"a\"},{\"ui_label\":\"Bio\"}]}").problem());
        assertEquals("job_data[1]: the key \"a\" appears more than once.",
                ProfileJson.parse(base + "[{\"key\":\"a\"},{\"key\":\"a\"}]}").problem());
        assertEquals("\"job_data\" must be a list of fields in [ ].", ProfileJson.parse(base + "{}}").problem());
    }

    @Test
    void realCredentialsInTheJsonAreNoticedAndNeverKept() {
        ProfileJson.Parsed parsed = ProfileJson.parse("{\"key\":\"k-123\",\"secret\":\"s-456\",\"form_id\":\"F\",\"profile_id\":\"P\","
                + "\"profile_name\":\"N\",\"is_raw\":1,\"job_data\":[]}");
        assertTrue(parsed.credentialsIgnored());
        assertTrue(parsed.content().defaultIsRaw());
        assertFalse(parsed.content().toString().contains("k-123"));
    }

    @Test
    void isRawOnlyForOneOrTrue() {
        for (String raw : List.of("1", "\"1\"", "true", "\" TRUE \"")) {
            assertTrue(ProfileJson.isRaw(node(raw)), raw);
        }
        for (String formatted : List.of("0", "2", "\"0\"", "false", "\"yes\"", "\"Set to 1 for raw\"", "null", "[1]")) {
            assertFalse(ProfileJson.isRaw(node(formatted)), formatted);
        }
        assertFalse(ProfileJson.isRaw(null));
    }

    @Test
    void documentTypesComeFromAttachmentsAndThePortalsOwnList() {
        String base = "{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\",\"job_data\":[],";
        assertEquals(List.of("loi", "medical"), ProfileJson.parse(base + "\"x_portal\":{\"doc_types\":[\"loi\",\"medical\"]}}")
                .content().docTypes());
        assertEquals(List.of("loi"), ProfileJson.parse(base + "\"attachments\":[{\"doc_type\":\"loi\"},{\"doc_type\":\"\"}]}")
                .content().docTypes());
        assertEquals("Shown name", ProfileJson.parse(base + "\"x_portal\":{\"display_name\":\"Shown name\"}}").displayName());
        assertEquals("N", ProfileJson.parse(base + "\"x_portal\":{\"display_name\":\" \"}}").displayName());
    }

    private static com.fasterxml.jackson.databind.JsonNode node(String json) {
        try {
            return JSON.readTree("{\"v\":" + json + "}").get("v");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportReimportsToTheSameProfile() throws IOException {
        ProfileContent original = new ProfileContent("P1", "F1", "Profile One", true, List.of("loi", "medical"), List.of(
                new ProfileField("side", "Side", "string", "choice", "Which side", "left", true, List.of("left", "right")),
                new ProfileField("notes", "Notes", "string", "textarea", "", "", false, List.of())));
        String exported = ProfileJson.export("Orthopaedic IME", original);
        var root = JSON.readTree(exported);
        assertFalse(root.has("key") || root.has("secret"), "no credentials in exports");
        ProfileJson.Parsed back = ProfileJson.parse(exported);
        assertTrue(back.ok(), back.problem());
        assertEquals("Orthopaedic IME", back.displayName());
        assertEquals(original, back.content());
    }
}
