package com.claudioportal.profile;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON stored in text columns (profile fields, document types, preset values). */
final class JsonText {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<ProfileField> fields(String json) {
        return read(json, new TypeReference<List<ProfileField>>() {
        });
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<List<String>>() {
        });
    }

    static Map<String, String> map(String json) {
        return read(json, new TypeReference<Map<String, String>>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json == null || json.isBlank() ? "null" : json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }
}
