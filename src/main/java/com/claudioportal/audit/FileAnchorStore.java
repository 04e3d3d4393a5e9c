package com.claudioportal.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.DefaultBean;

/**
 * Anchors as JSON lines, one file per chain ({@code <chain>.jsonl}) under
 * {@code PORTAL_AUDIT_ANCHOR_DIR}: a volume the database's users cannot write (and, with several
 * portal instances, one they share). Appended and synced line by line; only the tail is read.
 */
@ApplicationScoped
@DefaultBean
public class FileAnchorStore implements AnchorStore {

    /** Anchors are a few hundred bytes; the newest are in the last few kilobytes. */
    static final int TAIL_BYTES = 64 * 1024;

    @Inject
    AuditConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public synchronized void append(Anchor a) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("chain", a.chain()).put("seq", a.seq()).put("mac", a.mac()).put("legacyThrough", a.legacyThrough())
                .put("at", a.at().toString()).put("keyId", a.keyId()).put("signature", a.signature());
        Path file = file(a.chain());
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
    }

    @Override
    public Optional<Anchor> latest(String chain) throws IOException {
        Path file = file(chain);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String tail;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            tail = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0) {
                tail = tail.substring(tail.indexOf('\n') + 1);
            }
        }
        Anchor best = null;
        for (String line : tail.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Anchor a = parse(line);
            if (best == null || a.seq() > best.seq()) {
                best = a;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A line that does not parse is returned with no signature, so verification reports the file as altered. */
    private Anchor parse(String line) {
        try {
            JsonNode n = json.readTree(line);
            return new Anchor(n.path("chain").asText(), n.path("seq").asLong(), n.path("mac").asText(), n.path("legacyThrough").asLong(),
                    Instant.parse(n.path("at").asText()), n.path("keyId").asText(), n.path("signature").asText());
        } catch (IOException | RuntimeException e) {
            return new Anchor("?", -1, "", 0, Instant.EPOCH, "", null);
        }
    }

    Path file(String chain) {
        if (!chain.matches("[a-z0-9_][a-z0-9-_]*")) {
            throw new IllegalArgumentException("Not a chain id: " + chain);
        }
        return Path.of(config.anchorDir()).resolve(chain + ".jsonl");
    }
}
