package com.claudioportal.job;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON kept in job columns (field values, result). */
final class JobJson {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JobJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, String> map(String json) {
        try {
            Map<String, String> m = MAPPER.readValue(json == null ? "{}" : json, new TypeReference<LinkedHashMap<String, String>>() {
            });
            return m == null ? Map.of() : m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored field values could not be read", e);
        }
    }

    static JobResult result(String json) {
        try {
            return MAPPER.readValue(json, JobResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored job result could not be read", e);
        }
    }
}
