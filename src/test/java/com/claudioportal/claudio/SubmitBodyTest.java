package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Submit body against the vendor's sample request (src/test/resources/seed/claudio-submit-job-page.txt; docs/claudio.md §1.3). */
class SubmitBodyTest {

    @Test
    void theBodyHasTheSampleKeysInTheSampleOrderWithTheSampleValues() throws Exception {
        JsonNode sample = TolerantJson.MAPPER.readTree(ClaudioAnswers.bytes("submit-request-sample.json"));
        List<SubmitRequest.JobField> fields = new ArrayList<>();
        sample.get("job_data").forEach(f -> fields.add(new SubmitRequest.JobField(f.get("key").asText(), f.get("ui_label").asText(),
                f.get("type").asText(), f.get("ui_type").asText(), f.get("ui_desc").asText(), f.get("input_value").asText())));
        JsonNode audio = sample.get("audio_files").get(0);
        JsonNode attachment = sample.get("attachments").get(0);
        SubmitRequest request = new SubmitRequest(sample.get("form_id").asText(), sample.get("profile_id").asText(), true,
                sample.get("profile_name").asText(), sample.get("job_name").asText(), fields,
                List.of(new SubmitRequest.AudioFile(audio.get("audio_filename").asText(), audio.get("audio_location").asText(),
                        audio.get("audio_start").asText(), audio.get("audio_end").asText())),
                List.of(new SubmitRequest.Attachment(attachment.get("filename").asText(), attachment.get("doc_type").asText(),
                        attachment.get("location").asText())));
        ClaudioAccount account = new ClaudioAccount("https://claudio.example/team42", sample.get("key").asText(),
                sample.get("secret").asText());

        JsonNode body = TolerantJson.MAPPER.readTree(SubmitBody.json(account, request));

        ObjectNode expected = sample.deepCopy();
        expected.put("is_raw", "1");
        assertEquals(expected, body);
        assertEquals(keyOrder(expected), keyOrder(body));
    }

    @Test
    void isRawIsTheStringZeroOrOneAndMissingValuesKeepTheShape() throws Exception {
        SubmitRequest request = new SubmitRequest(null, "P1", false, null, "Job", null,
                List.of(new SubmitRequest.AudioFile("a.wav", "https://x/a.wav", null, " ")), null);
        JsonNode body = TolerantJson.MAPPER.readTree(SubmitBody.json(new ClaudioAccount("https://x", "k", "s"), request));
        assertEquals("0", body.get("is_raw").asText());
        assertEquals("", body.get("form_id").asText());
        assertEquals(0, body.get("job_data").size());
        assertEquals(0, body.get("attachments").size());
        assertEquals("00:00:00", body.get("audio_files").get(0).get("audio_start").asText());
        assertEquals("00:00:00", body.get("audio_files").get(0).get("audio_end").asText());
    }

    @Test
    void aMalformedTrimTimeIsTheCallersMistake() {
        SubmitRequest request = new SubmitRequest("F", "P", false, "N", "J", List.of(),
                List.of(new SubmitRequest.AudioFile("a.wav", "https://x/a.wav", "1:5", "00:00:10")), List.of());
        assertThrows(IllegalArgumentException.class, () -> SubmitBody.json(new ClaudioAccount("https://x", "k", "s"), request));
    }

    private static List<String> keyOrder(JsonNode node) {
        List<String> out = new ArrayList<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(path + "/" + name);
                walk(node.get(name), path + "/" + name, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
