package com.claudioportal.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * An event's details in words ("Profile version: 3", "Role: Staff → Tenant admin") instead of
 * JSON. Keys that events from before the keyed log could hold and that must not be shown (the last
 * characters of secrets, file names) are replaced by "not shown".
 */
public final class ReadableDetails {

    public record Line(String label, String value) {
    }

    private static final Set<String> HIDDEN = Set.of("apiKey", "apiSecret", "file");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("profileVersion", "Profile version"), Map.entry("fromKey", "From key"), Map.entry("toKey", "To key"),
            Map.entry("firstAdmin", "First tenant admin"), Map.entry("organizationAlias", "Organization"),
            Map.entry("refusalsLeftOut", "Further refusals left out"), Map.entry("ok", "Worked"),
            Map.entry("brokenAt", "Broken at event"), Map.entry("sizeBytes", "Size (bytes)"), Map.entry("contentType", "Content type"),
            Map.entry("status", "HTTP status"), Map.entry("throughSeq", "Up to event"), Map.entry("how", "How"));

    private ReadableDetails() {
    }

    public static List<Line> of(String json) {
        List<Line> lines = new ArrayList<>();
        if (json == null || json.isBlank() || json.equals("{}")) {
            return lines;
        }
        JsonNode node;
        try {
            // Quarkus' ObjectMapper, the application's one: the list's records and the CSV export have no injection point
            node = Arc.container().instance(ObjectMapper.class).get().readTree(json);
        } catch (java.io.IOException e) {
            lines.add(new Line("Details", "(not readable)"));
            return lines;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            lines.add(new Line(label(f.getKey()), HIDDEN.contains(f.getKey()) ? "not shown" : value(f.getValue())));
        }
        return lines;
    }

    /** The details on one line, for the list and the CSV export. */
    public static String summary(String json) {
        StringBuilder s = new StringBuilder();
        for (Line l : of(json)) {
            s.append(s.length() == 0 ? "" : "; ").append(l.label()).append(": ").append(l.value());
        }
        return s.toString();
    }

    static String label(String key) {
        String known = LABELS.get(key);
        if (known != null) {
            return known;
        }
        String spaced = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "—";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isObject() && v.has("from") && v.has("to")) {
            return value(v.get("from")) + " → " + value(v.get("to"));
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(value(e)));
            return String.join(" → ", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(e -> parts.add(label(e.getKey()) + " " + value(e.getValue())));
            return String.join(", ", parts);
        }
        String text = v.asText();
        return text.matches("STAFF|TENANT_ADMIN|AUDITOR") ? roleLabel(text) : text;
    }

    public static String roleLabel(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "STAFF" -> "Staff";
            case "TENANT_ADMIN" -> "Tenant admin";
            case "AUDITOR" -> "Auditor";
            case "PLATFORM_ADMIN" -> "Platform admin";
            case "SYSTEM" -> "System";
            default -> role;
        };
    }
}
