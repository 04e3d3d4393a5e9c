package com.claudioportal.tenant;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

/**
 * Named 32-byte keys as an operator configures them ({@code id:base64[,id:base64…]}) and the one
 * in use: the named active key, or the only key when there is one; null when none is configured.
 * One reading for the credentials' encryption keys and the audit chain's keys, so both refuse a
 * malformed entry with the same words, naming the variable.
 */
public record KeyRing(Map<String, SecretKeySpec> keys, String activeKeyId, String keysVariable, String activeVariable, String what) {

    /**
     * @param keysVariable   the environment variable of the list, for the messages
     * @param activeVariable the environment variable of the active key id, for the messages
     * @param what           how the messages call one key ("Encryption key", "Audit key"); its plural names the
     *                       section of docs/operations.md
     */
    public static KeyRing parse(Optional<String> configured, Optional<String> active, String algorithm, String keysVariable,
            String activeVariable, String what) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String pair : configured.orElse("").split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException(keysVariable + " entries must read id:base64");
            }
            String id = trimmed.substring(0, colon);
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(what + " " + id + " is not valid base64");
            }
            if (raw.length != 32) {
                throw new IllegalStateException(what + " " + id + " must be 32 bytes, not " + raw.length);
            }
            keys.put(id, new SecretKeySpec(raw, algorithm));
        }
        String activeId = active.filter(s -> !s.isBlank()).orElse(keys.size() == 1 ? keys.keySet().iterator().next() : null);
        if (activeId != null && !keys.containsKey(activeId)) {
            throw new IllegalStateException(activeVariable + " names key '" + activeId + "', which is not configured");
        }
        return new KeyRing(Collections.unmodifiableMap(keys), activeId, keysVariable, activeVariable, what);
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** For the start-up check: fail there, not at the first use, when no key is in use, saying what to set. */
    public void requireActive() {
        if (activeKeyId == null) {
            throw new IllegalStateException("No " + what.toLowerCase(Locale.ROOT) + ": set " + keysVariable
                    + " (id:base64 of 32 random bytes) and " + activeVariable + ". See docs/operations.md, \"" + what + "s\".");
        }
    }
}
