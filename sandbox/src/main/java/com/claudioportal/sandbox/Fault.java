package com.claudioportal.sandbox;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Trouble one kind of call of one account is told to cause (docs/claudio.md, "Faults"). The parts
 * combine, in the order a call meets them: a delay before anything (also before the credential
 * check), never answering, a fixed answer instead of the real one, dropping the connection before
 * the call is carried out, then after it was carried out (stored) dropping the connection or
 * waiting before answering, and trickling the answer's bytes.
 *
 * @param probability  share of the calls it strikes (0..1)
 * @param remaining    strikes left; null = unlimited
 * @param trickleBytes bytes written per {@code trickleIntervalMillis}; 0 = the answer goes at once
 */
record Fault(double probability, AtomicInteger remaining, long delayMinMillis, long delayMaxMillis, boolean neverAnswer, Integer status,
        String body, String contentType, Drop drop, long delayAfterStoreMillis, int trickleBytes, long trickleIntervalMillis) {

    /** Where the connection is closed without an answer. */
    enum Drop {
        /** Nothing was done: the call never happened as far as the sandbox's state is concerned. */
        BEFORE,
        /** The call was carried out (the upload or job stored), then the answer is lost. */
        AFTER
    }

    private static final Set<String> FIELDS = Set.of("probability", "times", "delayMillis", "delayMinMillis", "delayMaxMillis", "neverAnswer",
            "status", "body", "contentType", "drop", "delayAfterStoreMillis", "trickleBytes", "trickleIntervalMillis");

    /** The fault of {@code errorRate}-style injection: a simulated 500 before anything changes. */
    static final String SIMULATED_500 = "{\"msg\":\"ERROR: Internal Server Error (simulated by the Claudio sandbox). \"}";

    /** Whether this call is struck: rolls the probability and takes one of the remaining strikes. */
    boolean strikes() {
        if (probability < 1.0 && ThreadLocalRandom.current().nextDouble() >= probability) {
            return false;
        }
        if (remaining == null) {
            return true;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean exhausted() {
        return remaining != null && remaining.get() <= 0;
    }

    long delayMillis() {
        if (delayMaxMillis <= delayMinMillis) {
            return delayMinMillis;
        }
        return ThreadLocalRandom.current().nextLong(delayMinMillis, delayMaxMillis + 1);
    }

    /** The body of a fixed answer: as configured, else the sandbox's error shape for the status. */
    String fixedBody() {
        if (body != null) {
            return body;
        }
        return status == 500 ? SIMULATED_500 : "{\"msg\":\"ERROR: HTTP " + status + " (simulated by the Claudio sandbox). \"}";
    }

    String fixedContentType() {
        return contentType != null ? contentType : "application/json";
    }

    /**
     * Reads a fault from the control API, e.g. {@code {"delayMinMillis": 1000, "delayMaxMillis": 30000}}
     * or {@code {"status": 500, "probability": 0.3}} or {@code {"drop": "AFTER", "times": 1}}.
     */
    static Fault parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A fault is a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("Unknown fault field " + name + "; known: " + FIELDS);
            }
        }
        double probability = node.path("probability").asDouble(1.0);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability is between 0 and 1");
        }
        AtomicInteger remaining = null;
        if (node.hasNonNull("times")) {
            int times = node.get("times").asInt();
            if (times < 1) {
                throw new IllegalArgumentException("times is 1 or more (leave it out for every call)");
            }
            remaining = new AtomicInteger(times);
        }
        long min = millis(node, "delayMinMillis");
        long max = millis(node, "delayMaxMillis");
        if (node.has("delayMillis")) {
            min = millis(node, "delayMillis");
            max = min;
        } else if (node.has("delayMinMillis") != node.has("delayMaxMillis")) {
            throw new IllegalArgumentException("delayMinMillis and delayMaxMillis go together (or use delayMillis)");
        }
        if (max < min) {
            throw new IllegalArgumentException("delayMaxMillis is not below delayMinMillis");
        }
        Integer status = null;
        if (node.hasNonNull("status")) {
            status = node.get("status").asInt();
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status is an HTTP status (100-599)");
            }
        }
        String body = node.hasNonNull("body") ? node.get("body").asText() : null;
        String contentType = node.hasNonNull("contentType") ? node.get("contentType").asText() : null;
        if ((body != null || contentType != null) && status == null) {
            throw new IllegalArgumentException("body and contentType need a status");
        }
        Drop drop = null;
        if (node.hasNonNull("drop")) {
            try {
                drop = Drop.valueOf(node.get("drop").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("drop is BEFORE or AFTER");
            }
        }
        int trickleBytes = node.path("trickleBytes").asInt(0);
        long trickleInterval = node.has("trickleIntervalMillis") ? millis(node, "trickleIntervalMillis") : trickleBytes > 0 ? 1000 : 0;
        if (trickleBytes < 0 || trickleBytes > 0 && trickleInterval < 1) {
            throw new IllegalArgumentException("trickleBytes is positive and trickleIntervalMillis at least 1");
        }
        return new Fault(probability, remaining, min, max, node.path("neverAnswer").asBoolean(false), status, body, contentType, drop,
                millis(node, "delayAfterStoreMillis"), trickleBytes, trickleInterval);
    }

    private static long millis(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return 0;
        }
        long value = node.get(field).asLong(-1);
        if (value < 0) {
            throw new IllegalArgumentException(field + " is a number of milliseconds, 0 or more");
        }
        return value;
    }

    ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("probability", probability);
        if (remaining != null) {
            out.put("times", remaining.get());
        }
        if (delayMaxMillis > 0) {
            out.put("delayMinMillis", delayMinMillis).put("delayMaxMillis", delayMaxMillis);
        }
        if (neverAnswer) {
            out.put("neverAnswer", true);
        }
        if (status != null) {
            out.put("status", status);
            if (body != null) {
                out.put("body", body);
            }
            if (contentType != null) {
                out.put("contentType", contentType);
            }
        }
        if (drop != null) {
            out.put("drop", drop.name());
        }
        if (delayAfterStoreMillis > 0) {
            out.put("delayAfterStoreMillis", delayAfterStoreMillis);
        }
        if (trickleBytes > 0) {
            out.put("trickleBytes", trickleBytes).put("trickleIntervalMillis", trickleIntervalMillis);
        }
        return out;
    }
}
