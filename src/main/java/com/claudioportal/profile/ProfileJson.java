package com.claudioportal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.claudioportal.forms.TextInput;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

/**
 * Reads a profile from a Claudio sample job JSON (the Submit Job page's sample, as in
 * src/test/resources/seed/claudio-submit-job-page.txt) and writes a profile back in that shape. Problems are
 * reported with the JSON path or line and column they are at. {@code key} and {@code secret}
 * in the sample are never read: credentials belong on the connection page.
 * <p>
 * Export adds an {@code x_portal} object with what Claudio's shape cannot hold (display name,
 * required flags, options, allowed document types); import reads it back when present.
 */
public final class ProfileJson {

    /** Either a profile read from the JSON, or what is wrong with it. */
    public record Parsed(String displayName, ProfileContent content, String problem, boolean credentialsIgnored) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** The most a pasted or uploaded profile may hold, in characters: the vendor's whole page is 4,000. */
    public static final int MAX_CHARS = 256_000;

    /** Claudio's sample is three levels deep; the portal's export four. */
    static final int MAX_DEPTH = 20;

    /**
     * Reads pasted JSON within those bounds, so a hostile paste costs no more than a real one, and writes
     * the export. Its own mapper rather than Quarkus': the bounds are for pasted text only, and this is
     * plain code that its unit test (and PIT) runs without the application.
     */
    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_CHARS)
                    .maxNumberLength(100).build())
            .build());

    private ProfileJson() {
    }

    /**
     * The first JSON object in {@code text} that starts a line and holds a {@code job_data}: the
     * sample job on the vendor's Submit Job page, copied whole. Null when there is none.
     */
    static String sampleJobIn(String text) {
        int candidates = 0;
        for (int i = text.indexOf('{'); i >= 0 && candidates < 20; i = text.indexOf('{', i + 1)) {
            int lineStart = Math.max(text.lastIndexOf('\n', i), text.lastIndexOf('\r', i)) + 1;
            if (!text.substring(lineStart, i).isBlank()) {
                continue;
            }
            candidates++;
            try {
                JsonNode node = READER.readTree(text.substring(i));
                if (node != null && node.isObject() && node.has("job_data")) {
                    return text.substring(i);
                }
            } catch (JsonProcessingException e) {
                // not this one
            }
        }
        return null;
    }

    public static Parsed parse(String text) {
        AdminMessages words = Words.of(AdminMessages.class);
        if (text == null || text.isBlank()) {
            return problem(words.prof_json_missing());
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CHARS) {
            return problem(words.prof_json_too_long(TextInput.count(length), TextInput.count(MAX_CHARS)));
        }
        String json = withoutInvisibleCharacters(text);
        String start = json.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            // the whole Submit Job page, pasted as its help suggests: take the sample job out of it
            json = sampleJobIn(json);
            if (json == null) {
                return problem(JsonProblems.notJson(text));
            }
        }
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JsonProcessingException e) {
            return problem(JsonProblems.describe(e, json, MAX_DEPTH));
        }
        if (root == null || !root.isObject()) {
            return problem(words.prof_json_not_object("{"));
        }
        List<String> missing = new ArrayList<>();
        String profileId = text(root, "profile_id");
        String formId = text(root, "form_id");
        String profileName = text(root, "profile_name");
        if (profileId.isBlank()) {
            missing.add("profile_id");
        }
        if (formId.isBlank()) {
            missing.add("form_id");
        }
        if (profileName.isBlank()) {
            missing.add("profile_name");
        }
        JsonNode jobData = root.get("job_data");
        if (jobData == null || jobData.isNull()) {
            missing.add("job_data");
        }
        if (!missing.isEmpty()) {
            return problem(words.prof_json_no_values(String.join(", ", missing.stream().map(m -> "\"" + m + "\"").toList()), missing.size()));
        }
        if (!jobData.isArray()) {
            return problem(words.prof_json_not_a_list());
        }
        if (jobData.size() > ProfileRules.MAX_FIELDS) {
            return problem(words.prof_json_too_many_fields(jobData.size(), ProfileRules.MAX_FIELDS));
        }
        ObjectNode portal = root.get("x_portal") instanceof ObjectNode o ? o : null;
        JsonNode portalFields = portal == null ? null : portal.get("fields");
        List<ProfileField> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < jobData.size(); i++) {
            JsonNode f = jobData.get(i);
            String path = "job_data[" + i + "]";
            if (!f.isObject()) {
                return problem(words.prof_json_field_not_object(path));
            }
            String key = text(f, "key");
            if (key.isBlank()) {
                return problem(words.prof_json_field_no_key(path, text(f, "ui_label")));
            }
            if (!seen.add(key)) {
                return problem(words.prof_json_key_twice(path, key));
            }
            JsonNode extra = portalFields == null ? null : portalFields.get(key);
            List<String> options = new ArrayList<>();
            if (extra != null && extra.get("options") instanceof ArrayNode arr) {
                arr.forEach(o -> options.add(o.asText()));
            }
            fields.add(new ProfileField(key, text(f, "ui_label"), text(f, "type"), text(f, "ui_type"), text(f, "ui_desc"),
                    text(f, "input_value"), extra != null && extra.path("required").asBoolean(false), options));
        }
        Set<String> docTypes = new LinkedHashSet<>();
        if (root.get("attachments") instanceof ArrayNode attachments) {
            attachments.forEach(a -> {
                String t = text(a, "doc_type");
                if (!t.isBlank()) {
                    docTypes.add(t);
                }
            });
        }
        if (portal != null && portal.get("doc_types") instanceof ArrayNode types) {
            types.forEach(t -> docTypes.add(t.asText()));
        }
        String displayName = portal != null && !text(portal, "display_name").isBlank() ? text(portal, "display_name") : profileName;
        boolean credentials = isFilledIn(root, "key") || isFilledIn(root, "secret");
        return new Parsed(displayName, new ProfileContent(profileId, formId, profileName, isRaw(root.get("is_raw")),
                List.copyOf(docTypes), fields), null, credentials);
    }

    /** The profile as a Claudio sample job (without credentials), re-importable. */
    public static String export(String displayName, ProfileContent c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("form_id", c.formId());
        out.put("profile_id", c.claudioProfileId());
        out.put("is_raw", c.defaultIsRaw() ? "1" : "0");
        out.put("profile_name", c.profileName());
        out.put("job_name", "");
        List<Map<String, Object>> jobData = new ArrayList<>();
        Map<String, Object> extras = new LinkedHashMap<>();
        for (ProfileField f : c.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", f.key());
            field.put("ui_label", nz(f.uiLabel()));
            field.put("type", nz(f.type()));
            field.put("ui_type", nz(f.uiType()));
            field.put("ui_desc", nz(f.uiDesc()));
            field.put("input_value", nz(f.defaultValue()));
            jobData.add(field);
            extras.put(f.key(), Map.of("required", f.required(), "options", f.options()));
        }
        out.put("job_data", jobData);
        out.put("audio_files", List.of());
        out.put("attachments", c.docTypes().stream().map(t -> Map.of("filename", "", "doc_type", t, "location", "")).toList());
        out.put("x_portal", Map.of("display_name", displayName, "doc_types", c.docTypes(), "fields", extras));
        try {
            return READER.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copying the sample from the vendor's web page brings non-breaking spaces (U+00A0) as
     * indentation, which JSON does not allow, plus the odd zero-width space or byte-order mark.
     */
    static String withoutInvisibleCharacters(String text) {
        return text.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ')
                .replace("\u200b", "").replace("\ufeff", "");
    }

    /** "1", 1 and true mean raw; anything else (including the docs' placeholder text) means formatted. */
    static boolean isRaw(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.intValue() == 1;
        }
        String s = node.asText().trim();
        return s.equals("1") || s.equalsIgnoreCase("true");
    }

    private static boolean isFilledIn(JsonNode root, String name) {
        String value = text(root, name);
        return !value.isBlank() && !value.startsWith("your");
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Parsed problem(String message) {
        return new Parsed(null, null, message, false);
    }
}
