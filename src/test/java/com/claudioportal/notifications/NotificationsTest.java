package com.claudioportal.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.TestLogin;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TestMail;
import com.claudioportal.infra.TestSandbox;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobState;
import com.claudioportal.settings.UserSettings;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tracking.EngineMetrics;
import com.claudioportal.tracking.JobClaims;
import com.claudioportal.tracking.JobDispatcher;
import com.claudioportal.tracking.JobWorker;
import com.claudioportal.tracking.ManualWorker;
import com.claudioportal.tracking.WorkerConfig;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobResult;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Notifications end to end against the sandbox and a real SMTP server (GreenMail): one per event
 * and recipient, written with the job's transition, mailed at once or not at all as the person
 * chose, never a job name or field value in a mail; late alerts once; two engines and two senders
 * racing still notify and mail once.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class NotificationsTest extends TenantTestBase {

    @Inject
    ClaudioTenants claudio;

    @Inject
    JobWorker worker;

    @Inject
    WorkerConfig config;

    @Inject
    JobClaims claims;

    @Inject
    EngineMetrics metrics;

    @Inject
    LateAlerts lateAlerts;

    @Inject
    MailSender sender;

    @Inject
    MailClaims mailClaims;

    @Inject
    Digests digests;

    final SandboxControl sandbox = TestSandbox.control();

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void aCompletedJobNotifiesItsSubmitterOnceAndTheMailNamesNoJobOrValue() {
        String admin = Fixtures.email("admin");
        var w = claudio.tenant("Maple Clinic", admin);
        String staff = fixtures.newMember(w.tenant(), "staff", TenantRole.STAFF);
        long jobId = submitAs(w, staff, "Knee IME for Jeanne Dubé");

        completeAtClaudio(w.tenant(), jobId);

        List<Notification> notes = notifications(w.tenant(), jobId);
        assertEquals(1, notes.size(), "one notification: the submitter's");
        assertEquals(staff, notes.get(0).recipient);
        assertEquals(NotificationKind.COMPLETED, notes.get(0).kind);
        assertTrue(notes.get(0).isUnread());

        List<TestMail.Received> mails = TestMail.await(staff, 1, Duration.ofSeconds(15));
        assertEquals(1, mails.size(), "one mail");
        TestMail.Received mail = mails.get(0);
        assertEquals("A job in Maple Clinic is ready / Un travail de Maple Clinic est prêt", mail.subject());
        assertTrue(mail.text().contains("/t/" + w.tenant() + "/jobs/" + jobId), mail.text());
        assertTrue(mail.html().contains("/t/" + w.tenant() + "/jobs/" + jobId), mail.html());
        for (String secret : List.of("Knee IME", "Jeanne", "Dubé", "Dr. Jane Roe", "MD, FRCSC", "Orthopaedics", "dictation-1.wav",
                "letter-of-instruction")) {
            assertFalse(mail.all().contains(secret), "the mail must not contain " + secret + ": " + mail.all());
        }
        assertNoHealthInformation(mail, w.tenant(), jobId);
        assertTrue(TestMail.inbox(admin).isEmpty(), "the admin did not submit the job and hears nothing of its completion");
    }

    /**
     * As a person sees it: the submitter waits on the job page; when Claudio finishes, the bell's
     * count rises and the tab title changes without a reload, the mail arrives in the SMTP server
     * without health information, the inbox lists the notification, and Claudio's own details
     * (from the sandbox) appear on the job page on demand.
     */
    @Test
    void inTheBrowserTheBellRisesTheMailArrivesAndClaudiosDetailsShow() {
        var w = claudio.tenant("Bell Clinic", Fixtures.email("admin"));
        String staff = fixtures.newMember(w.tenant(), "staff", TenantRole.STAFF);
        long jobId = submitAs(w, staff, "Hip IME for Élodie Brûlé");
        BrowserContext context = Browsers.newContext();
        try {
            Page page = context.newPage();
            TestLogin.signIn(page, base.toString(), staff);
            page.navigate(base + "t/" + w.tenant() + "/jobs/" + jobId);
            assertThat(page.getByTestId("bell-count")).hasText("none unread");

            completeAtClaudio(w.tenant(), jobId);

            assertThat(page.getByTestId("bell-count")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("Transcript ready"));
            Browsers.screenshot(page, "notifications-bell-risen");
            TestMail.Received mail = TestMail.await(staff, 1, Duration.ofSeconds(15)).get(0);
            assertEquals("A job in Bell Clinic is ready / Un travail de Bell Clinic est prêt", mail.subject());
            assertNoHealthInformation(mail, w.tenant(), jobId);
            assertFalse(mail.all().contains("Élodie") || mail.all().contains("Hip IME"), mail.all());

            // the card for Claudio's details belongs to a job Claudio knows: the page loaded before it was submitted
            page.reload();
            page.getByTestId("fetch-claudio-details").click();
            assertThat(page.getByTestId("claudio-details")).containsText("Total audio length");
            assertThat(page.getByTestId("claudio-submitted")).not().hasText("\u2014");
            assertThat(page.getByTestId("claudio-inputs")).not().containsText("None listed");
            Browsers.screenshot(page, "job-claudio-details");

            page.getByTestId("bell").click();
            assertThat(page.locator(".notification-list li")).hasCount(1);
            assertThat(page.locator(".notification-list li").first()).containsText("Hip IME for Élodie Brûlé");
        } finally {
            context.close();
        }
    }

    @Test
    void withMailsTurnedOffTheBellStillCountsButNoMailIsSent() {
        var w = claudio.tenant("Quiet Clinic", Fixtures.email("admin"));
        String staff = reader(w, "staff", UserSettings.MailDelivery.NONE, true);
        String picky = reader(w, "picky", UserSettings.MailDelivery.INSTANT, false);
        long quiet = submitAs(w, staff, "Quiet job");
        long pickyJob = submitAs(w, picky, "Picky job");

        completeAtClaudio(w.tenant(), quiet);
        completeAtClaudio(w.tenant(), pickyJob);

        assertEquals(1, notifications(w.tenant(), quiet).size());
        assertEquals(1, notifications(w.tenant(), pickyJob).size());
        assertEquals(0, scope.call(w.tenant(), () -> OutboxMail.count()), "no mail written for either");
        sender.sendDue("test-sender");
        assertTrue(TestMail.inbox(staff).isEmpty());
        assertTrue(TestMail.inbox(picky).isEmpty());
    }

    @Test
    void aDueTimePassingAlertsTheSubmitterAndTheAdminsOnce() {
        String admin = Fixtures.email("admin");
        var w = claudio.tenant("Late Clinic", admin);
        String staff = fixtures.newMember(w.tenant(), "staff", TenantRole.STAFF);
        String auditor = fixtures.newMember(w.tenant(), "auditor", TenantRole.AUDITOR);
        long jobId = submitAs(w, staff, "Hearing on Monday");
        Instant due = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        scope.run(w.tenant(), () -> Job.<Job> findById(jobId).dueAt = due);

        lateAlerts.scan();
        lateAlerts.scan();
        // two instances scanning at the same moment
        CompletableFuture.allOf(CompletableFuture.runAsync(lateAlerts::scan), CompletableFuture.runAsync(lateAlerts::scan)).join();

        List<Notification> late = notifications(w.tenant(), jobId).stream().filter(n -> n.kind == NotificationKind.LATE).toList();
        assertEquals(Set.of(staff, admin), late.stream().map(n -> n.recipient).collect(Collectors.toSet()), "submitter and admins, not the auditor");
        assertEquals(2, late.size(), "once each");
        assertEquals(due, late.get(0).eventAt);
        assertEquals(1, TestMail.await(staff, 1, Duration.ofSeconds(15)).size());
        TestMail.Received mail = TestMail.await(admin, 1, Duration.ofSeconds(15)).get(0);
        assertEquals("A job in Late Clinic is past its due time / Un travail de Late Clinic a dépassé son échéance", mail.subject());
        assertFalse(mail.all().contains("Hearing"), mail.all());
        assertNoHealthInformation(mail, w.tenant(), jobId);
        assertNoHealthInformation(TestMail.inbox(staff).get(0), w.tenant(), jobId);

        // a new due time that passes too alerts again, once
        Instant later = due.plusSeconds(2);
        scope.run(w.tenant(), () -> Job.<Job> findById(jobId).dueAt = later);
        lateAlerts.scan();
        lateAlerts.scan();
        assertEquals(4, notifications(w.tenant(), jobId).stream().filter(n -> n.kind == NotificationKind.LATE).count());
    }

    @Test
    void twoEnginesRacingTheSameJobsNotifyOncePerEvent() throws Exception {
        var w = claudio.tenant("Race Clinic", Fixtures.email("admin"));
        String staff = fixtures.newMember(w.tenant(), "staff", TenantRole.STAFF);
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(submitAs(w, staff, "Race " + i));
        }
        JobDispatcher a = new JobDispatcher("instance-a", config, claims, worker, metrics);
        JobDispatcher b = new JobDispatcher("instance-b", config, claims, worker, metrics);
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && !jobs.stream().allMatch(id -> status(w.tenant(), id) == JobState.COMPLETED)) {
            jobs.stream().filter(id -> status(w.tenant(), id) == JobState.SUBMITTED)
                    .forEach(id -> sandbox.complete(scope.call(w.tenant(), () -> Job.<Job> findById(id).claudioReference)));
            // both instances claim and poll at the same moment, again and again
            CompletableFuture.allOf(CompletableFuture.runAsync(a::runOnce), CompletableFuture.runAsync(b::runOnce)).join();
        }
        for (long id : jobs) {
            assertEquals(JobState.COMPLETED, status(w.tenant(), id));
            assertEquals(1, notifications(w.tenant(), id).size(), "job " + id);
        }
        // and two senders racing the same outbox deliver each mail once
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> sender.sendDue("sender-a")),
                CompletableFuture.runAsync(() -> sender.sendDue("sender-b"))).join();
        List<TestMail.Received> mails = TestMail.await(staff, jobs.size(), Duration.ofSeconds(15));
        Thread.sleep(1500); // the scheduled sender of this instance runs too: give a duplicate the time to show
        mails = TestMail.inbox(staff);
        assertEquals(jobs.size(), mails.size());
        assertEquals(jobs.size(), mails.stream().map(TestMail.Received::messageId).distinct().count());
    }

    /**
     * A sender works through its batch one mail after another; when the batch outlasts its lease,
     * another instance may take the rest over. Each mail is sent only after its lease was renewed
     * for it ({@link MailClaims#renew}), which fails once another sender has taken it over: then
     * the first sender leaves it. (TwoInstancesIT saw one mail delivered twice without this.)
     */
    @Test
    void aSenderWhoseLeaseRanOutAndWasTakenOverDoesNotSendTheMailAgain() {
        var w = claudio.tenant("Lease Clinic", Fixtures.email("admin"));
        String to = Fixtures.email("lease");
        // sender A claimed it in a batch whose lease has run out before A got to it (not due for
        // this instance's own sender, so nothing else touches it)
        long id = scope.call(w.tenant(), () -> {
            OutboxMail m = new OutboxMail();
            m.dedupeKey = "test:" + java.util.UUID.randomUUID();
            m.recipient = to;
            m.subject = "A job in Lease Clinic is ready";
            m.bodyText = "text";
            m.bodyHtml = "<p>html</p>";
            m.leaseOwner = "sender-a";
            m.leaseUntil = Instant.now().minusSeconds(1);
            m.nextAttemptAt = Instant.now().plusSeconds(3600);
            m.persist();
            return m.id;
        });
        assertTrue(mailClaims.renew("sender-a", id, Duration.ofMillis(1)), "while nobody took it over, A may renew and go on");
        // sender B takes it over (what MailClaims.claim writes for an expired lease)
        scope.run(w.tenant(), () -> {
            OutboxMail m = OutboxMail.findById(id);
            m.leaseOwner = "sender-b";
            m.leaseUntil = Instant.now().plusSeconds(60);
        });
        assertFalse(mailClaims.renew("sender-a", id, Duration.ofMinutes(1)), "A cannot renew a mail B has taken over");
        MailClaims.Claim claim = new MailClaims.Claim(id, w.tenant());
        sender.send(claim, "sender-a");
        assertEquals(OutboxMail.Status.PENDING, mail(w.tenant(), id).status, "A left it to B");
        sender.send(claim, "sender-b");
        assertEquals(OutboxMail.Status.SENT, mail(w.tenant(), id).status);
        assertFalse(mailClaims.renew("sender-b", id, Duration.ofMinutes(1)), "a sent mail is nobody's to send");
        assertEquals(1, TestMail.await(to, 2, Duration.ofSeconds(3)).size(), "delivered once");
    }

    @Test
    void aMailTheServerRefusesIsRetriedThenGivenUpAndShownToTheAdmins() {
        var w = claudio.tenant("Bounce Clinic", Fixtures.email("admin"));
        long id = scope.call(w.tenant(), () -> {
            OutboxMail m = new OutboxMail();
            m.dedupeKey = "test:" + java.util.UUID.randomUUID();
            m.recipient = "not an address";
            m.subject = "A job in Bounce Clinic is ready";
            m.bodyText = "text";
            m.bodyHtml = "<p>html</p>";
            m.persist();
            return m.id;
        });
        long until = System.currentTimeMillis() + 20_000;
        OutboxMail m = mail(w.tenant(), id);
        while (m.status == OutboxMail.Status.PENDING && System.currentTimeMillis() < until) {
            sender.sendDue("bounce-test");
            sleep(300);
            m = mail(w.tenant(), id);
        }
        assertEquals(OutboxMail.Status.FAILED, m.status);
        assertEquals(3, m.attempts, "max-attempts in the test profile");
        assertNotNull(m.lastError);
    }

    @Test
    void theDailyDigestCountsAndNamesNothing() {
        var w = claudio.tenant("Digest Clinic", Fixtures.email("admin"));
        String staff = reader(w, "staff", UserSettings.MailDelivery.DIGEST, true);
        long one = submitAs(w, staff, "Digest one");
        long two = submitAs(w, staff, "Digest two");
        completeAtClaudio(w.tenant(), one);
        completeAtClaudio(w.tenant(), two);
        assertEquals(0, scope.call(w.tenant(), () -> OutboxMail.count()), "digest readers get no mail at once");

        // the digest of tomorrow covers the 24 hours before its hour
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        java.time.LocalDate day = now.getHour() >= 7 ? now.toLocalDate().plusDays(1) : now.toLocalDate();
        assertEquals(1, digests.write(day) > 0 ? 1 : 0);
        digests.write(day);
        List<TestMail.Received> mails = TestMail.await(staff, 1, Duration.ofSeconds(15));
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).text().contains("A transcript is ready: 2"), mails.get(0).text());
        assertFalse(mails.get(0).all().contains("Digest one"), mails.get(0).all());
        assertNoHealthInformation(mails.get(0), w.tenant(), one);
        assertNoHealthInformation(mails.get(0), w.tenant(), two);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * Everything of the job that is health information, read from the job as stored: its name,
     * every field value, every file name, the transcript and media links Claudio returned (their
     * file names) and the extracted fields. None of it may be in the mail, subject or body, text or HTML.
     */
    private void assertNoHealthInformation(TestMail.Received mail, String tenant, long jobId) {
        List<String> secrets = scope.call(tenant, () -> {
            Job job = Job.findById(jobId);
            List<String> out = new ArrayList<>();
            out.add(job.name);
            out.addAll(job.fieldValues().values());
            JobFile.<JobFile> list("jobId", jobId).forEach(f -> out.add(f.originalFilename));
            JobResult result = job.resultOrNull();
            if (result != null) {
                result.transcripts().forEach(l -> out.add(l.name()));
                result.media().forEach(l -> out.add(l.name()));
                out.addAll(result.transcriptUrls());
                result.extracted().forEach(e -> out.add(e.value()));
            }
            return out;
        });
        List<String> checked = secrets.stream().filter(v -> v != null && v.strip().length() >= 3).map(String::strip).toList();
        assertFalse(checked.isEmpty(), "the job has health information to look for");
        String all = mail.subject() + "\n" + mail.all();
        for (String secret : checked) {
            assertFalse(all.contains(secret), "the mail must not contain \"" + secret + "\": " + all);
        }
    }

    private long submitAs(ClaudioTenants.Wired w, String who, String name) {
        long id = claudio.submitJob(w, name, false, 1);
        scope.run(w.tenant(), () -> {
            Job j = Job.findById(id);
            j.submittedBy = who;
        });
        return id;
    }

    private void completeAtClaudio(String tenant, long jobId) {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            worker.runOnce();
            Job j = scope.call(tenant, () -> Job.<Job> findById(jobId));
            if (j.status == JobState.COMPLETED) {
                return;
            }
            if (j.status == JobState.SUBMITTED) {
                sandbox.complete(j.claudioReference);
            }
            sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not complete");
    }

    private JobState status(String tenant, long id) {
        return scope.call(tenant, () -> Job.<Job> findById(id).status);
    }

    private List<Notification> notifications(String tenant, long jobId) {
        return scope.call(tenant, () -> Notification.<Notification> list("jobId = ?1 order by id", jobId));
    }

    private OutboxMail mail(String tenant, long id) {
        return scope.call(tenant, () -> OutboxMail.<OutboxMail> findById(id));
    }

    /** A new staff member of the tenant who reads of jobs by {@code delivery}, completed jobs included or not; the address. */
    private String reader(ClaudioTenants.Wired w, String who, UserSettings.MailDelivery delivery, boolean completed) {
        String email = fixtures.newMember(w.tenant(), who, TenantRole.STAFF);
        settings(email, delivery, completed);
        return email;
    }

    private void settings(String email, UserSettings.MailDelivery delivery, boolean completed) {
        scope.platform(() -> {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                UserSettings s = UserSettings.defaults(email);
                s.mailDelivery = delivery;
                s.mailCompleted = completed;
                s.persist();
            });
            return null;
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
