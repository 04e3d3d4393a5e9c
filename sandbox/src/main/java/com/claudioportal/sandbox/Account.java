package com.claudioportal.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A simulated Claudio team with its own base URL ({@code <public-url>/claudio/<slug>}). Keeps only
 * the SHA-256 of its key and secret. Settings are replaced as a whole, so a call always sees one
 * consistent set; faults and counters are concurrent.
 */
final class Account {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Faults under this key apply to every call without a fault of its own. */
    static final String ALL = "ALL";

    /** What an account is told to be like; null link lifetime = the sandbox's default. */
    record Settings(String webhookUrl, long processingMillis, PollStyle pollStyle, boolean retention, Long linkLifetimeMillis,
            boolean keyRevoked) {

        Settings withKeyRevoked(boolean v) {
            return new Settings(webhookUrl, processingMillis, pollStyle, retention, linkLifetimeMillis, v);
        }
    }

    /** What callers did to this account, for tests that count ("each file reached Claudio once"). */
    static final class Counters {
        final Map<SandboxCall, AtomicLong> requests = new EnumMap<>(SandboxCall.class);
        /** Original file names of the uploads stored, in the order received. */
        final List<String> uploadedFilenames = Collections.synchronizedList(new ArrayList<>());
        /** {@code job_name} of each job Submit created, in the order received. */
        final List<String> submittedJobNames = Collections.synchronizedList(new ArrayList<>());

        Counters() {
            for (SandboxCall call : SandboxCall.values()) {
                requests.put(call, new AtomicLong());
            }
        }
    }

    final String slug;
    volatile String keyHash;
    volatile String secretHash;
    volatile Settings settings;
    final Map<String, Fault> faults = new ConcurrentHashMap<>();
    final Counters counters = new Counters();

    Account(String slug, String keyHash, String secretHash, Settings settings) {
        this.slug = slug;
        this.keyHash = keyHash;
        this.secretHash = secretHash;
        this.settings = settings;
    }

    /** The fault that strikes this call, if any (the call's own, else the one for every call). */
    Fault strike(SandboxCall call) {
        String key = faults.containsKey(call.name()) ? call.name() : ALL;
        Fault fault = faults.get(key);
        if (fault == null) {
            return null;
        }
        boolean struck = fault.strikes();
        if (fault.exhausted()) {
            faults.remove(key, fault);
        }
        return struck ? fault : null;
    }

    boolean accepts(String key, String secret) {
        Settings s = settings;
        return !s.keyRevoked() && Credentials.matches(key, keyHash) && Credentials.matches(secret, secretHash);
    }
}
