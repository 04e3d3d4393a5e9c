package com.claudioportal.tenant;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads Keycloak's {@code organization} claim in both of its shapes: a list of aliases
 * ({@code ["maple"]}, the default mapper) or a map keyed by alias
 * ({@code {"maple": {"id": "..."}}}, when the mapper adds ids or attributes).
 */
public final class OrganizationClaim {

    private OrganizationClaim() {
    }

    public static Set<String> aliases(Object claim) {
        Set<String> aliases = new LinkedHashSet<>();
        collect(claim, aliases);
        return aliases;
    }

    private static void collect(Object claim, Set<String> into) {
        if (claim == null) {
            return;
        }
        if (claim instanceof JsonObject object) {
            object.keySet().forEach(k -> add(k, into));
        } else if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                collect(v, into);
            }
        } else if (claim instanceof JsonString s) {
            add(s.getString(), into);
        } else if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> add(String.valueOf(k), into));
        } else if (claim instanceof Collection<?> list) {
            list.forEach(v -> collect(v, into));
        } else if (claim instanceof String s) {
            add(s, into);
        }
    }

    private static void add(String alias, Set<String> into) {
        String trimmed = alias.trim();
        if (!trimmed.isEmpty()) {
            into.add(trimmed.toLowerCase(Locale.ROOT));
        }
    }
}
