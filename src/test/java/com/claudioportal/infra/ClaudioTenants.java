package com.claudioportal.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.job.JobSubmission;
import com.claudioportal.job.SubmitForm;
import com.claudioportal.job.Trim;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.upload.UploadService;

/** Tenants wired to their own account in the run's Claudio sandbox, and jobs submitted the way the submit page does it. */
@ApplicationScoped
public class ClaudioTenants {

    public record Wired(String tenant, long profileId, String apiKey, String apiSecret) {
    }

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    final SandboxControl sandbox = TestSandbox.control();

    @Inject
    ConnectionService connections;

    @Inject
    UploadService uploads;

    @Inject
    JobSubmission submission;

    /** A tenant whose Claudio connection points at a fresh sandbox account (slug = tenant id). */
    public Wired tenant(String name, String admin) {
        String tenant = fixtures.tenant(name, admin);
        String key = "key-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        sandbox.ensureAccount(tenant, key, secret);
        var errors = scope.call(tenant, () -> connections.save(sandbox.baseUrl(tenant), key, secret));
        if (!errors.ok()) {
            throw new IllegalStateException("Could not save the connection: " + errors.errors().all());
        }
        return new Wired(tenant, fixtures.seedProfile(tenant), key, secret);
    }

    /**
     * A fresh staff member of {@code w}'s tenant, with a preset named {@code doctor} (the specialist's name
     * and "MD, FRCSC") to pick on the submit page: where the job pages' browser tests start. Returns their address.
     */
    public String staffWithPreset(Wired w, String doctor) {
        String staff = Fixtures.email("staff");
        fixtures.member(w.tenant(), staff, TenantRole.STAFF);
        fixtures.preset(w.tenant(), doctor, java.util.Map.of("specialist_name", doctor, "specialist_credentials", "MD, FRCSC"));
        return staff;
    }

    /** One audio file per {@code seconds} entry (trimmed to the first half when {@code trimFirst}), plus one loi document. */
    public long submitJob(Wired w, String jobName, boolean trimFirst, int... seconds) {
        return scope.call(w.tenant(), () -> {
            SubmitForm form = new SubmitForm();
            form.submissionKey = UUID.randomUUID().toString();
            form.jobName = jobName;
            form.isRaw = "0";
            form.values.put("specialist_name", "Dr. Jane Roe");
            form.values.put("specialist_credentials", "MD, FRCSC");
            form.values.put("specialist_bio", "Orthopaedics");
            for (int i = 0; i < seconds.length; i++) {
                Path wav = TestFiles.wav("job-" + UUID.randomUUID() + ".wav", seconds[i]);
                var received = uploads.receive(wav, "dictation-" + (i + 1) + ".wav", UploadKind.AUDIO);
                String end = trimFirst && i == 0 ? Trim.format(seconds[i] / 2) : "";
                form.audio.add(new SubmitForm.AudioInput(received.value().id.toString(), trimFirst && i == 0 ? "00:00:01" : "", end));
            }
            Path loi = TestFiles.text("loi-" + UUID.randomUUID() + ".txt", "Claimant: J. Doe\nInsurer: Acme Mutual\nExam date: 2026-11-30\n");
            var doc = uploads.receive(loi, "letter-of-instruction.txt", UploadKind.DOCUMENT);
            form.documents.add(new SubmitForm.DocumentInput(doc.value().id.toString(), "loi"));
            ProfileVersion version = Profile.<Profile> findById(w.profileId()).currentVersion();
            var outcome = submission.submit(form, version);
            if (!outcome.ok()) {
                throw new IllegalStateException("Could not submit: " + outcome.errors().all());
            }
            return outcome.value().jobId();
        });
    }

    public List<String> uploadedFilenames(String tenant) {
        return sandbox.uploads(tenant).stream().map(u -> u.filename()).toList();
    }
}
