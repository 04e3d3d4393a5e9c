package com.claudioportal.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operator's list of hosts inside the portal's network that tenants' base URLs may use, each
 * with its port: {@code sandbox:8090}, {@code [fd00::5]:443}, {@code claudio.internal} (the
 * scheme's default port: 443 for https, 80 for http), or {@code localhost:*} (any port; meant for
 * tests, whose servers take free ports). Naming the port keeps {@code localhost:8090} from also
 * opening the management port 9000 on the same host.
 */
record AllowedHosts(List<Entry> entries) {

    record Entry(String host, Integer port) {
        /** {@code port} null: the scheme's default port; -1: any. */
        boolean allows(String h, int p, String scheme) {
            if (!host.equals(h)) {
                return false;
            }
            if (port == null) {
                return p == (scheme.equals("https") ? 443 : 80);
            }
            return port == -1 || port == p;
        }
    }

    static AllowedHosts parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : configured) {
            String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            String host = s;
            Integer port = null;
            int colon = s.lastIndexOf(':');
            boolean bracketed = s.startsWith("[");
            if (bracketed) {
                int close = s.indexOf(']');
                host = close > 0 ? s.substring(1, close) : s;
                port = close > 0 && close + 1 < s.length() && s.charAt(close + 1) == ':' ? port(s.substring(close + 2)) : null;
            } else if (colon > 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = port(s.substring(colon + 1));
            }
            if (port == null || port != -2) {
                entries.add(new Entry(host, port));
            }
        }
        return new AllowedHosts(List.copyOf(entries));
    }

    /** -1 for "*", -2 for something that is not a port (the entry is then ignored rather than widened). */
    private static Integer port(String s) {
        if (s.equals("*")) {
            return -1;
        }
        try {
            int p = Integer.parseInt(s);
            return p > 0 && p <= 65535 ? p : -2;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    boolean allows(String host, int port, String scheme) {
        return entries.stream().anyMatch(e -> e.allows(host, port, scheme));
    }
}
