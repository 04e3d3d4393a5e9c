package com.claudioportal.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.lang.reflect.Method;

import com.claudioportal.forms.Words;
import com.claudioportal.tenant.RoleMessages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * An event's details in words ("Profile version: 3", "Role: Staff → Tenant admin") instead of
 * JSON, in the reader's language: a key's label is the message {@code det_<key>} of
 * {@link AuditMessages}, a value word ("yes", "every event", "identity provider") {@code dv_…}, a
 * target kind {@code tk_…}; a key without a message is spaced out ("someKey" → "Some key"). The pages
 * and the CSV export take the words of the request's language (the export resolves them before it
 * streams). Keys that events from before the keyed log could hold and that must not be shown (the
 * last characters of secrets, file names) are replaced by "not shown".
 */
public final class ReadableDetails {

    public record Line(String label, String value) {
    }

    private static final Set<String> HIDDEN = Set.of("apiKey", "apiSecret", "file");
    /** The English values events store that have words: "every event" → dv_every_event. */
    private static final Set<String> VALUE_WORDS = Set.of("every event", "new events", "identity provider", "sign-out link",
            "identity provider (back-channel)", "identity provider (front-channel)");
    private static final Map<String, Optional<Method>> MESSAGES = new ConcurrentHashMap<>();

    private ReadableDetails() {
    }

    public static List<Line> of(String json) {
        return of(json, Words.of(AuditMessages.class), Words.of(RoleMessages.class));
    }

    /** {@code roles}: the role words in the language of {@code words}. */
    public static List<Line> of(String json, AuditMessages words, RoleMessages roles) {
        List<Line> lines = new ArrayList<>();
        if (json == null || json.isBlank() || json.equals("{}")) {
            return lines;
        }
        JsonNode node;
        try {
            // Quarkus' ObjectMapper, the application's one: the list's records and the CSV export have no injection point
            node = Arc.container().instance(ObjectMapper.class).get().readTree(json);
        } catch (java.io.IOException e) {
            lines.add(new Line(words.dv_details(), words.dv_not_readable()));
            return lines;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            lines.add(new Line(label(f.getKey(), words), HIDDEN.contains(f.getKey()) ? words.dv_not_shown() : value(f.getValue(), words, roles)));
        }
        return lines;
    }

    /** The details on one line, for the list and the CSV export. */
    public static String summary(String json) {
        return summary(json, Words.of(AuditMessages.class), Words.of(RoleMessages.class));
    }

    public static String summary(String json, AuditMessages words, RoleMessages roles) {
        StringBuilder s = new StringBuilder();
        for (Line l : of(json, words, roles)) {
            s.append(s.length() == 0 ? "" : "; ").append(l.label()).append(words.log_colon()).append(' ').append(l.value());
        }
        return s.toString();
    }

    static String label(String key, AuditMessages words) {
        String known = word(words, "det_", key);
        if (known != null) {
            return known;
        }
        String spaced = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String value(JsonNode v, AuditMessages words, RoleMessages roles) {
        if (v == null || v.isNull()) {
            return "—";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? words.dv_yes() : words.dv_no();
        }
        if (v.isObject() && v.has("from") && v.has("to")) {
            return value(v.get("from"), words, roles) + " → " + value(v.get("to"), words, roles);
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(value(e, words, roles)));
            return String.join(" → ", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(e -> parts.add(label(e.getKey(), words) + " " + value(e.getValue(), words, roles)));
            return String.join(", ", parts);
        }
        String text = v.asText();
        if (text.matches("STAFF|TENANT_ADMIN|AUDITOR")) {
            return roleLabel(text, roles);
        }
        return VALUE_WORDS.contains(text) ? word(words, "dv_", text) : text;
    }

    public static String roleLabel(String role) {
        return roleLabel(role, Words.of(RoleMessages.class));
    }

    public static String roleLabel(String role, RoleMessages words) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "STAFF" -> words.role_STAFF();
            case "TENANT_ADMIN" -> words.role_TENANT_ADMIN();
            case "AUDITOR" -> words.role_AUDITOR();
            case "PLATFORM_ADMIN" -> words.role_PLATFORM_ADMIN();
            case "SYSTEM" -> words.role_SYSTEM();
            default -> role;
        };
    }

    /** A target kind in words ("audit-log" → "audit log", « journal d'audit »), or the code when it has none. */
    public static String targetKind(String type, AuditMessages words) {
        if (type == null) {
            return null;
        }
        String known = word(words, "tk_", type);
        return known == null ? type : known;
    }

    /** The message {@code prefix + code} (anything but letters and digits as _), or null when the bundle has none. */
    static String word(AuditMessages words, String prefix, String code) {
        String name = prefix + code.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_$", "");
        Optional<Method> m = MESSAGES.computeIfAbsent(name, n -> {
            try {
                return Optional.of(AuditMessages.class.getMethod(n));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        if (m.isEmpty()) {
            return null;
        }
        try {
            return (String) m.get().invoke(words);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
