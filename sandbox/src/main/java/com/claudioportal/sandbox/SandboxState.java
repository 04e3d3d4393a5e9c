package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything the sandbox knows, in memory: accounts, uploaded and generated files, jobs. With a
 * state directory it is written to {@code state.json} (a snapshot, when something changed, at
 * most every two seconds and on close) and read back at start, so a restarted demo keeps its jobs.
 * Faults and counters are not kept: they belong to the test or demo that set them.
 */
final class SandboxState {

    final Map<String, Account> accounts = new ConcurrentHashMap<>();
    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean dirty = new AtomicBoolean();
    final Duration defaultProcessingTime;
    final Duration defaultLinkLifetime;

    SandboxState(Duration defaultProcessingTime, Duration defaultLinkLifetime) {
        this.defaultProcessingTime = defaultProcessingTime;
        this.defaultLinkLifetime = defaultLinkLifetime;
    }

    Optional<Account> account(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(accounts.get(slug));
    }

    /** Creates the account, or gives an existing one these credentials; keeps its other settings. */
    Account ensureAccount(String slug, String apiKey, String apiSecret) {
        if (slug == null || !Account.SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("A sandbox slug is 1-63 lower-case letters, digits and inner hyphens");
        }
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("A sandbox account needs an apiKey and an apiSecret");
        }
        Account account = accounts.computeIfAbsent(slug, s -> new Account(s, Credentials.hash(apiKey), Credentials.hash(apiSecret),
                new Account.Settings(null, defaultProcessingTime.toMillis(), PollStyle.NEWER, false, null, false)));
        account.keyHash = Credentials.hash(apiKey);
        account.secretHash = Credentials.hash(apiSecret);
        changed();
        return account;
    }

    Duration linkLifetime(Account account) {
        Long own = account.settings.linkLifetimeMillis();
        return own == null ? defaultLinkLifetime : Duration.ofMillis(own);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void changed() {
        dirty.set(true);
    }

    /** The account's jobs in the order they were submitted. */
    List<Job> jobsOf(String slug) {
        return jobs.values().stream().filter(j -> j.accountSlug.equals(slug)).sorted(Comparator.comparingLong(j -> j.sequence)).toList();
    }

    List<StoredFile> uploadsOf(String slug) {
        return files.values().stream().filter(f -> f.accountSlug().equals(slug) && f.upload())
                .sorted(Comparator.comparing(StoredFile::createdAt).thenComparing(StoredFile::id)).toList();
    }

    /** The job's outputs: transcripts first, then media, each by file name (the in-app sandbox's order). */
    List<StoredFile> outputsOf(Job job) {
        List<StoredFile> out = new ArrayList<>();
        for (String id : job.outputIds) {
            StoredFile f = files.get(id);
            if (f != null) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing((StoredFile f) -> StoredFile.TRANSCRIPT.equals(f.role()) ? 0 : 1).thenComparing(StoredFile::filename));
        return out;
    }

    void clear() {
        accounts.clear();
        jobs.clear();
        files.clear();
        changed();
    }

    // ---- the snapshot ------------------------------------------------------------------------

    /** Writes the snapshot if something changed since the last one. Blocking. */
    synchronized void saveIfChanged(Path file) {
        if (dirty.getAndSet(false)) {
            try {
                save(file);
            } catch (RuntimeException e) {
                dirty.set(true);
                throw e;
            }
        }
    }

    private void save(Path file) {
        ObjectNode root = Json.object().put("version", 1).put("sequence", sequence.get());
        ArrayNode accountsOut = root.putArray("accounts");
        for (Account a : accounts.values()) {
            Account.Settings s = a.settings;
            ObjectNode n = accountsOut.addObject().put("slug", a.slug).put("keyHash", a.keyHash).put("secretHash", a.secretHash)
                    .put("webhookUrl", s.webhookUrl()).put("processingMillis", s.processingMillis()).put("pollStyle", s.pollStyle().name())
                    .put("retention", s.retention()).put("keyRevoked", s.keyRevoked());
            if (s.linkLifetimeMillis() != null) {
                n.put("linkLifetimeMillis", s.linkLifetimeMillis());
            }
        }
        ArrayNode filesOut = root.putArray("files");
        for (StoredFile f : files.values()) {
            filesOut.addObject().put("id", f.id()).put("accountSlug", f.accountSlug()).put("role", f.role()).put("filename", f.filename())
                    .put("contentType", f.contentType()).put("sizeBytes", f.sizeBytes()).put("storagePath", f.storagePath())
                    .put("detail", f.detail()).put("jobReference", f.jobReference()).put("createdAt", f.createdAt().toString());
        }
        ArrayNode jobsOut = root.putArray("jobs");
        for (Job j : jobs.values()) {
            ObjectNode n = jobsOut.addObject().put("sequence", j.sequence).put("reference", j.reference).put("accountSlug", j.accountSlug)
                    .put("jobName", j.jobName).put("profileId", j.profileId).put("profileName", j.profileName).put("formId", j.formId)
                    .put("raw", j.raw).put("requestJson", j.requestJson).put("submittedAt", j.submittedAt.toString())
                    .put("completesAt", j.completesAt.toString()).put("webhookUrl", j.webhookUrl).put("synthetic", j.synthetic)
                    .put("status", j.status).put("completedAt", j.completedAt == null ? null : j.completedAt.toString())
                    .put("rawText", j.rawText).put("totalAudioSeconds", j.totalAudioSeconds).put("webhookClaimed", j.webhookClaimed)
                    .put("webhookResult", j.webhookResult);
            n.set("inputs", Json.MAPPER.valueToTree(j.inputs));
            n.set("outputIds", Json.MAPPER.valueToTree(j.outputIds));
            n.set("extractedFields", Json.MAPPER.valueToTree(j.extractedFields));
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            Json.MAPPER.writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sandbox's state", e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sandbox's state", e);
        }
    }

    /** Reads a snapshot written by {@link #saveIfChanged}; jobs still processing are returned for their timers. */
    List<Job> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the sandbox's state from " + file, e);
        }
        sequence.set(root.path("sequence").asLong());
        for (JsonNode n : root.path("accounts")) {
            Account a = new Account(n.get("slug").asText(), n.get("keyHash").asText(), n.get("secretHash").asText(), new Account.Settings(
                    text(n, "webhookUrl"), n.path("processingMillis").asLong(), PollStyle.valueOf(n.path("pollStyle").asText("NEWER")),
                    n.path("retention").asBoolean(), n.hasNonNull("linkLifetimeMillis") ? n.get("linkLifetimeMillis").asLong() : null,
                    n.path("keyRevoked").asBoolean()));
            accounts.put(a.slug, a);
        }
        for (JsonNode n : root.path("files")) {
            StoredFile f = new StoredFile(n.get("id").asText(), n.get("accountSlug").asText(), n.get("role").asText(), n.get("filename").asText(),
                    n.get("contentType").asText(), n.path("sizeBytes").asLong(), text(n, "storagePath"), text(n, "detail"),
                    text(n, "jobReference"), Instant.parse(n.get("createdAt").asText()));
            files.put(f.id(), f);
        }
        List<Job> processing = new ArrayList<>();
        for (JsonNode n : root.path("jobs")) {
            List<Job.Input> inputs = Json.MAPPER.convertValue(n.path("inputs"), new TypeReference<List<Job.Input>>() {
            });
            Job j = new Job(n.get("sequence").asLong(), n.get("reference").asText(), n.get("accountSlug").asText(), n.path("jobName").asText(""),
                    n.path("profileId").asText(""), n.path("profileName").asText(""), n.path("formId").asText(""), n.path("raw").asBoolean(),
                    n.path("requestJson").asText("{}"), Instant.parse(n.get("submittedAt").asText()), Instant.parse(n.get("completesAt").asText()),
                    inputs, text(n, "webhookUrl"), n.path("synthetic").asBoolean());
            if (Job.COMPLETED.equals(n.path("status").asText())) {
                j.outputIds = Json.MAPPER.convertValue(n.path("outputIds"), new TypeReference<List<String>>() {
                });
                j.extractedFields = Json.MAPPER.convertValue(n.path("extractedFields"), new TypeReference<List<Map<String, String>>>() {
                });
                j.rawText = text(n, "rawText");
                j.totalAudioSeconds = n.hasNonNull("totalAudioSeconds") ? n.get("totalAudioSeconds").asDouble() : null;
                j.completedAt = n.hasNonNull("completedAt") ? Instant.parse(n.get("completedAt").asText()) : null;
                j.webhookClaimed = n.path("webhookClaimed").asBoolean();
                j.webhookResult = text(n, "webhookResult");
                j.status = Job.COMPLETED;
                j.restoreCompleted();
            } else {
                processing.add(j);
            }
            jobs.put(j.reference, j);
        }
        return processing;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
