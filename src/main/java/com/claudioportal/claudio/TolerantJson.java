package com.claudioportal.claudio;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading Claudio's JSON the way its documentation forces us to: keys with several spellings,
 * values that are a string in one rendering and an array in another, numbers written as strings.
 */
final class TolerantJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Pattern TAG = Pattern.compile("^[^A-Za-z]*([A-Za-z]+)\\s*:");
    private static final Pattern URL_LIKE = Pattern.compile("^(?i:https?://\\S+|/\\S*)$");

    private TolerantJson() {
    }

    /** The body as a JSON object, or null when it is not one (HTML, empty, an array). */
    static JsonNode object(byte[] body) {
        JsonNode node = tree(body);
        return node != null && node.isObject() ? node : null;
    }

    static boolean isJson(byte[] body) {
        return tree(body) != null;
    }

    /** The body as JSON of any kind, or null when it is empty or not JSON. */
    private static JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** The first of {@code keys} that holds a string or number, as text. */
    static String text(JsonNode node, String... keys) {
        if (node == null) {
            return null;
        }
        for (String key : keys) {
            JsonNode value = node.get(key);
            if (value != null && (value.isTextual() || value.isNumber())) {
                return value.asText();
            }
        }
        return null;
    }

    static boolean hasAny(JsonNode node, String... keys) {
        if (node == null) {
            return false;
        }
        for (String key : keys) {
            if (node.has(key)) {
                return true;
            }
        }
        return false;
    }

    /** Claudio's status message: {@code msg}, or {@code message} as older Submit answers call it. */
    static String message(JsonNode node) {
        return text(node, "msg", "message");
    }

    /**
     * Every entry under any of {@code keys}, whether each holds one string or an array; array
     * elements that are objects contribute their URL-like value.
     */
    static List<String> strings(JsonNode node, String... keys) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (String key : keys) {
            collect(node.get(key), out);
        }
        return out;
    }

    private static void collect(JsonNode value, List<String> out) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(element -> collect(element, out));
        } else if (value.isTextual()) {
            if (!value.asText().isBlank()) {
                out.add(value.asText());
            }
        } else if (value.isNumber()) {
            out.add(value.asText());
        } else if (value.isObject()) {
            String url = urlIn(value);
            if (url != null) {
                out.add(url);
            }
        }
    }

    /** The value of the first field named like a link ({@code …url}, {@code …location}, {@code …link}). */
    static String urlIn(JsonNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        String fallback = null;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (field.getValue().isTextual() && (name.endsWith("url") || name.endsWith("location") || name.endsWith("link"))) {
                String value = field.getValue().asText().strip();
                if (looksLikeUrl(value)) {
                    return value;
                }
                if (fallback == null && !value.isEmpty()) {
                    fallback = value;
                }
            }
        }
        return fallback;
    }

    static boolean looksLikeUrl(String value) {
        return value != null && URL_LIKE.matcher(value.strip()).matches();
    }

    /** "SUCCESS", "NOTICE", "ERROR"… from a status message, upper-case; "" when there is none. */
    static String tag(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = TAG.matcher(message);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    /** A status message with its line breaks and runs of spaces folded, for showing to people. */
    static String normalise(String message) {
        return message == null ? null : message.replaceAll("\\s+", " ").strip();
    }

    static Long longValue(JsonNode value) {
        return scalar(value, JsonNode::asLong, text -> (long) Double.parseDouble(text));
    }

    /** Seconds from a number, a numeric string or "HH:MM:SS". */
    static Double seconds(JsonNode value) {
        Double clock = value != null && value.isTextual() ? ClipTime.secondsInAnswer(value.asText()) : null;
        return clock != null ? clock
                : scalar(value, JsonNode::asDouble, text -> Double.parseDouble(text.replaceAll("(?i)\\s*(s|sec|secs|seconds)$", "")));
    }

    static Boolean bool(JsonNode value) {
        if (value != null && value.isBoolean()) {
            return value.asBoolean();
        }
        return scalar(value, number -> number.asInt() != 0, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> null;
        });
    }

    /**
     * A value read leniently: a number by {@code fromNumber}, a string (stripped) by {@code fromText},
     * anything else, or a string that is no number, as null.
     */
    private static <T> T scalar(JsonNode value, Function<JsonNode, T> fromNumber, Function<String, T> fromText) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return fromNumber.apply(value);
        }
        if (value.isTextual()) {
            try {
                return fromText.apply(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Any JSON as a list of field maps: objects as they are, strings as {"value": …}, a map as key/value pairs. */
    static List<Map<String, Object>> fieldList(JsonNode value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isObject()) {
                    out.add(asMap(element));
                } else if (!element.isNull()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("value", element.isTextual() ? element.asText() : MAPPER.convertValue(element, Object.class));
                    out.add(entry);
                }
            }
        } else if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", field.getKey());
                entry.put("value", MAPPER.convertValue(field.getValue(), Object.class));
                out.add(entry);
            });
        } else if (value.isTextual() && !value.asText().isBlank()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", value.asText());
            out.add(entry);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JsonNode object) {
        return MAPPER.convertValue(object, LinkedHashMap.class);
    }
}
