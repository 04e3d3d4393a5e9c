package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.credentials.WebhookTokens;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobResult;
import com.claudioportal.job.JobState;
import com.claudioportal.job.Trim;
import com.claudioportal.members.MemberService;
import com.claudioportal.notifications.Notification;
import com.claudioportal.notifications.NotificationKind;
import com.claudioportal.notifications.OutboxMail;
import com.claudioportal.profile.PresetForm;
import com.claudioportal.profile.PresetService;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileJson;
import com.claudioportal.profile.ProfileService;
import com.claudioportal.tenant.Membership;
import com.claudioportal.platform.PlatformTenantService;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.upload.UploadStorage;

/** Creates tenants and members for tests; every tenant gets a unique id, so tests never collide. */
@ApplicationScoped
public class Fixtures {

    @Inject
    PlatformTenantService tenants;

    @Inject
    MemberService members;

    @Inject
    TenantScope scope;

    @Inject
    ProfileService profiles;

    @Inject
    PresetService presets;

    @Inject
    UploadStorage storage;

    public TenantScope scope() {
        return scope;
    }

    /** Creates a tenant named {@code name} with {@code admin} as its tenant admin; returns its id. */
    public String tenant(String name, String admin) {
        String id = (name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("^-+", "");
        var created = tenants.create(id, name, null, admin);
        if (!created.ok()) {
            throw new IllegalStateException("Could not create tenant: " + created.errors().all());
        }
        return id;
    }

    public String tenantWithOrganization(String name, String admin, String organizationAlias) {
        String id = tenant(name, admin);
        scope.run(id, () -> {
            var tenant = Tenant.<Tenant> findById(id);
            tenant.organizationAlias = organizationAlias;
        });
        return id;
    }

    /** A new tenant (its admin a fresh address) with {@code email} as a member in {@code role}: most tests' start. */
    public String tenantWithMember(String name, String email, TenantRole role) {
        String id = tenant(name, email("admin"));
        member(id, email, role);
        return id;
    }

    /** A new member of the tenant in {@code role}, at a fresh address made from {@code who} ({@link #email}); the address. */
    public String newMember(String tenantId, String who, TenantRole role) {
        String email = email(who);
        member(tenantId, email, role);
        return email;
    }

    /** As {@link #tenantWithMember}, with a second member: {@code other} in {@code otherRole}. */
    public String tenantWithMembers(String name, String email, TenantRole role, String other, TenantRole otherRole) {
        String id = tenantWithMember(name, email, role);
        member(id, other, otherRole);
        return id;
    }

    public void member(String tenantId, String email, TenantRole role) {
        scope.run(tenantId, () -> {
            var added = members.add(email, role);
            if (!added.ok()) {
                throw new IllegalStateException("Could not add member: " + added.errors().all());
            }
        });
    }

    /** Imports the vendor's sample job (src/test/resources/seed) as a profile; returns its id. */
    public long seedProfile(String tenantId) {
        String json;
        try (var in = Fixtures.class.getResourceAsStream("/seed/claudio-submit-job.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var parsed = ProfileJson.parse(json);
        return scope.call(tenantId, () -> {
            var saved = profiles.create(parsed.displayName(), parsed.content(), "profile.imported");
            if (!saved.ok()) {
                throw new IllegalStateException("Could not create profile: " + saved.errors().all());
            }
            return saved.value();
        });
    }

    public long preset(String tenantId, String name, Map<String, String> values) {
        var form = new PresetForm();
        form.name = name;
        form.valueKey = new ArrayList<>(values.keySet());
        form.valueText = new ArrayList<>(values.values());
        return scope.call(tenantId, () -> {
            var saved = presets.save(null, form);
            if (!saved.ok()) {
                throw new IllegalStateException("Could not create preset: " + saved.errors().all());
            }
            return saved.value();
        });
    }

    /** A recording uploaded to the tenant (a real file in storage), not yet part of a job. */
    public UUID upload(String tenantId) {
        Path wav = TestFiles.wav("fixture-" + UUID.randomUUID() + ".wav", 1);
        return stored(tenantId, wav, UploadKind.AUDIO, "fixture.wav", "audio/vnd.wave", 1.0);
    }

    /** A letter uploaded to the tenant (a real file in storage), not yet part of a job. */
    public UUID document(String tenantId) {
        Path pdf = TestFiles.pdf("fixture-" + UUID.randomUUID() + ".pdf");
        return stored(tenantId, pdf, UploadKind.DOCUMENT, "fixture.pdf", "application/pdf", null);
    }

    /** {@code file} kept in the tenant's storage with its upload row, as the upload endpoint leaves it; the upload's id. */
    private UUID stored(String tenantId, Path file, UploadKind kind, String name,
            String contentType, Double durationSeconds) {
        return scope.call(tenantId, () -> {
            var upload = new Upload();
            upload.id = UUID.randomUUID();
            upload.kind = kind;
            upload.originalFilename = name;
            upload.contentType = contentType;
            upload.sizeBytes = Files.size(file);
            upload.durationSeconds = durationSeconds;
            upload.uploadedBy = "fixtures";
            upload.storedPath = storage.keep(file, tenantId, upload.id);
            upload.persist();
            return upload.id;
        });
    }

    /** A tenant ready to take jobs: its Claudio connection set, the vendor's sample profile and that profile's version. */
    public record Clinic(String tenant, long profileId, long versionId) {
    }

    /** A new tenant with {@code email} as a member in {@code role}, a connection and the seeded profile. */
    public Clinic clinic(String name, String email, TenantRole role) {
        String tenant = tenantWithMember(name, email, role);
        connection(tenant);
        long profile = seedProfile(tenant);
        return new Clinic(tenant, profile, currentVersion(tenant, profile));
    }

    /** The profile's current version: the one a new job of it is made from. */
    public long currentVersion(String tenantId, long profileId) {
        return scope.call(tenantId, () -> Profile.<Profile> findById(profileId).currentVersionId);
    }

    /**
     * The new-job form of the seeded profile ({@link #seedProfile}) as its page posts it: a fresh submission key,
     * one recording just uploaded to the tenant (not trimmed), the job's name and the specialist's; put more fields
     * (or other values) in the map before posting it.
     */
    public Map<String, Object> jobForm(String tenantId, long versionId, String jobName, String specialist) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("submissionKey", UUID.randomUUID().toString());
        form.put("profileVersionId", String.valueOf(versionId));
        form.put("jobName", jobName);
        form.put("isRaw", "0");
        form.put("f.specialist_name", specialist);
        form.put("audioId", upload(tenantId).toString());
        form.put("audioStart", "");
        form.put("audioEnd", "");
        return form;
    }

    /** A finished job (the worker leaves it alone) with one recording; returns its id. */
    public long finishedJob(String tenantId, long profileId) {
        UUID uploadId = upload(tenantId);
        return scope.call(tenantId, () -> {
            var profile = Profile.<Profile> findById(profileId);
            var job = new Job();
            job.submissionKey = UUID.randomUUID();
            job.name = "Fixture job";
            job.profileId = profileId;
            job.profileVersionId = profile.currentVersionId;
            job.status = JobState.COMPLETED;
            job.submittedBy = "fixtures@example.test";
            job.claudioReference = "REF-" + job.submissionKey;
            // written as it is stored, not through the lifecycle: a fixture of a job finished long ago
            job.result = new JobResult(List.of("https://transcripts.example.test/report.txt"),
                    List.of("https://transcripts.example.test/media.mp3"), List.of(), null, Instant.now());
            job.completedAt = Instant.now();
            job.nextAttemptAt = null;
            job.persist();
            var file = JobFile.of(job, 0, Upload.<Upload> findById(uploadId));
            file.audioStart = Trim.WHOLE;
            file.audioEnd = Trim.WHOLE;
            file.persist();
            return job.id;
        });
    }

    /** Puts the job into a batch of its own (as the bulk form does); returns the batch key. */
    public String batch(String tenantId, long jobId) {
        UUID key = UUID.randomUUID();
        scope.run(tenantId, () -> Job.<Job> findById(jobId).batchKey = key);
        return key.toString();
    }

    /**
     * One record of each kind the portal's routes name in their paths, made in {@code tenantId}, by
     * path parameter: the tenant, a staff member (also the outbox mail's recipient), a profile, a
     * finished job, a second one in a batch, an upload, a preset, and a notification of the job to
     * {@code notified}. What a test that sends every route aims at; a new path parameter is one line here.
     */
    public Map<String, String> routeIds(String tenantId, String notified) {
        String staff = email("staff");
        member(tenantId, staff, TenantRole.STAFF);
        long profile = seedProfile(tenantId);
        long job = finishedJob(tenantId, profile);
        return Map.of(
                "tenant", tenantId,
                "memberId", String.valueOf(membershipId(tenantId, staff)),
                "profileId", String.valueOf(profile),
                "jobId", String.valueOf(job),
                "notificationId", String.valueOf(notification(tenantId, job, notified)),
                "mailId", String.valueOf(outboxMail(tenantId, staff)),
                "batchKey", batch(tenantId, finishedJob(tenantId, profile)),
                "uploadId", upload(tenantId).toString(),
                "index", "0",
                "presetId", String.valueOf(preset(tenantId, "Dr. " + tenantId, Map.of("specialist_name", "Dr. X"))));
    }

    /** A notification of a job for {@code recipient}. */
    public long notification(String tenantId, long jobId, String recipient) {
        return scope.call(tenantId, () -> {
            var n = new Notification();
            n.recipient = recipient;
            n.kind = NotificationKind.COMPLETED;
            n.jobId = jobId;
            n.eventKey = "fixture:" + UUID.randomUUID();
            n.eventAt = Instant.now();
            n.persist();
            return n.id;
        });
    }

    /** A mail the portal gave up on, as the mail deliveries page lists it. */
    public long outboxMail(String tenantId, String recipient) {
        return scope.call(tenantId, () -> {
            var m = new OutboxMail();
            m.dedupeKey = "fixture:" + UUID.randomUUID();
            m.recipient = recipient;
            m.subject = "A job is ready";
            m.bodyText = "text";
            m.bodyHtml = "<p>html</p>";
            m.status = OutboxMail.Status.FAILED;
            m.attempts = 6;
            m.nextAttemptAt = null;
            m.persist();
            return m.id;
        });
    }

    @Inject
    ConnectionService connections;

    /**
     * A saved Claudio connection (so staff may submit) to a local port nothing listens on: the
     * worker's calls fail at once as "unreachable", which is all a test that only saves jobs needs.
     */
    public void connection(String tenantId) {
        var errors = scope.call(tenantId, () -> connections.save("http://localhost:" + Ports.closed() + "/claudio",
                "fixture-key-" + UUID.randomUUID(), "fixture-secret-" + UUID.randomUUID()));
        if (!errors.ok()) {
            throw new IllegalStateException("Could not save the connection: " + errors.errors().all());
        }
    }

    @Inject
    WebhookTokens webhooks;

    /** A new webhook address for the tenant (the one before it stops working); its token. */
    public String newWebhookAddress(String tenantId) {
        return scope.call(tenantId, () -> webhooks.regenerate());
    }

    public long membershipId(String tenantId, String email) {
        return scope.call(tenantId, () -> Membership.<Membership> find("email", email).firstResult().id);
    }

    /** A unique e-mail address for a test person. */
    public static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }
}
