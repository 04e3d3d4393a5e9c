package com.claudioportal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a tenant admin pastes into profile import, and what the portal says back: limits and plain words
 * (from the message bundles, so a Quarkus test).
 */
@QuarkusTest
class ProfileImportWordsTest {

    static final String BASE = "{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\",\"job_data\":[{\"key\":\"a\",\"ui_label\":\"A\"}]}";

    @Test
    void theVendorsWholeSubmitJobPagePastedAsTheHelpSuggestsImportsItsSample() throws IOException {
        String page;
        try (var in = getClass().getResourceAsStream("/seed/claudio-submit-job-page.txt")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(page.startsWith("Skip to content") && page.length() > 2048, "the page is longer than Vert.x' old 2 KB limit");
        ProfileJson.Parsed parsed = ProfileJson.parse(page);
        assertTrue(parsed.ok(), parsed.problem());
        assertEquals("IME with Structura Doc Extraction", parsed.displayName());
        assertEquals(3, parsed.content().fields().size());
    }

    @Test
    void nothingPastedAsksForThePaste() {
        assertTrue(ProfileJson.parse("  ").problem().contains("Paste"));
    }

    @Test
    void textThatIsNotJsonSaysWhereItStartsAndWhatToPaste() {
        assertEquals("This is not JSON: line 1 starts with \u201cSample Request JSON:\u201d. Paste the JSON block from Claudio's sample, "
                + "starting with {.", ProfileJson.parse("Sample Request JSON:\nkey: value").problem());
        assertEquals("This is not JSON: line 3 starts with \u201cthe profile is IME\u2026\u201d. Paste the JSON block from Claudio's "
                + "sample, starting with {.", ProfileJson.parse("\n  \nthe profile is IME with Structura Doc Extraction").problem());
    }

    @Test
    void commonMistakesAreNamedWithTheirLine() {
        assertEquals("The JSON stops before it is complete: a closing } or ] is missing at the end. Copy the whole block, from the first "
                + "{ to the last }.", ProfileJson.parse("{\"form_id\": \"F\",\n \"job_data\": [").problem());
        assertTrue(ProfileJson.parse("{\"a\": \"1\"\n \"b\": \"2\"}").problem().startsWith("Line 2 (\u201c\"b\": \"2\"}\u201d): a comma is missing"));
        assertTrue(ProfileJson.parse("{'form_id': 'F'}").problem().contains("use double quotes"), ProfileJson.parse("{'form_id': 'F'}").problem());
        String trailing = ProfileJson.parse("{\"a\": \"1\",\n}").problem();
        assertTrue(trailing.contains("comma before the closing }"), trailing);
        assertTrue(ProfileJson.parse("{\"a\": yes}").problem().contains("this word is not JSON"));
        String broken = ProfileJson.parse("{\"a\": \"line one\nline two\"}").problem();
        assertTrue(broken.contains("runs over the end of the line"), broken);
        for (String text : new String[] { "{\"a\": \"1\",\n}", "{'x': 1}", "{\"a\": yes}", "{\"a\": \"1\"\n \"b\": 2}", "{\"a\":1]}" }) {
            String problem = ProfileJson.parse(text).problem();
            assertFalse(problem.contains("code ") || problem.contains("Unexpected") || problem.contains("token"), problem);
        }
    }

    @Test
    void sizeDepthAndFieldCountHaveLimitsInWords() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertTrue(ProfileJson.parse(deep).problem().startsWith("The JSON is nested more than 20 levels deep"), ProfileJson.parse(deep).problem());
        String huge = "{\"a\":\"" + "x".repeat(ProfileJson.MAX_CHARS) + "\"}";
        assertEquals("This is 256,008 characters long; a profile's JSON is at most 256,000. Paste only the sample job, from its first { to "
                + "its last }.", ProfileJson.parse(huge).problem());
        StringBuilder many = new StringBuilder("{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\",\"job_data\":[");
        for (int i = 0; i < 201; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\"}");
        }
        assertEquals("\"job_data\" lists 201 fields; a profile can have at most 200.", ProfileJson.parse(many + "]}").problem());
    }

    @Test
    void aLongFrenchPasteWithinTheLimitIsRead() {
        String bio = "Spécialiste en médecine physique et réadaptation, diplômée de l'Université de Montréal. ".repeat(200);
        assertTrue(bio.length() > 16_000);
        String json = "{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"Évaluation\",\"job_data\":[{\"key\":\"specialist_bio\","
                + "\"ui_label\":\"Biographie\",\"input_value\":\"" + bio + "\"}]}";
        ProfileJson.Parsed parsed = ProfileJson.parse(json);
        assertTrue(parsed.ok(), parsed.problem());
        assertEquals(bio.strip(), parsed.content().fields().get(0).defaultValue());
    }
}
