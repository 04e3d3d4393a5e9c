package com.claudioportal.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserPerTest;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.KeycloakLogin;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TestFiles;

/**
 * The real thing: the packaged portal in its demo configuration, a real Keycloak started from the
 * Maven Central distribution with the realm file we ship, the packaged Claudio sandbox in its own
 * process, and Chromium signing in through it.
 * This proves the realm (client, roles, users, organizations), the README's demo logins, the demo
 * data end to end, and that a portal killed mid-job (SIGKILL) loses and doubles nothing.
 */
class DemoStackIT extends BrowserPerTest {

    @AutoClose
    static DemoStack stack;
    static String portal;

    @BeforeAll
    static void startStack() {
        DemoStack.Settings defaults = DemoStack.Settings.fromSystemProperties(false,
                ProcessBuilder.Redirect.appendTo(Path.of("target", "it-portal.log").toFile()));
        // free ports: other test runs may share the machine; a killed worker's claim runs out quickly,
        // so the restart test need not wait a minute
        stack = DemoStack.start(defaults.onFreePorts(defaults.portalOutput(), java.util.Map.of("PORTAL_WORKER_LEASE", "5S")));
        portal = stack.portal().baseUrl();
    }

    @Test
    void staffSignsInThroughKeycloakAndSeesTheirTenant() {
        KeycloakLogin.signIn(page, portal, "staff@maple.test", "demo");
        assertThat(page).hasURL(portal + "t/maple");
        assertThat(page.getByTestId("dashboard-title")).hasText("Maple Clinic");
        assertThat(page.getByTestId("active-tenant")).containsText("Staff");
        Browsers.screenshot(page, "keycloak-staff-dashboard");

        assertEquals(404, page.navigate(portal + "t/harbour").status());
    }

    @Test
    void theDemoRunsAJobEndToEndThroughTheSandbox() {
        KeycloakLogin.signIn(page, portal, "staff@maple.test", "demo");
        page.getByTestId("nav-new-job").click();
        page.waitForURL(url -> url.contains("?profile="));
        page.getByTestId("preset").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByTestId("audio-picker").setInputFiles(TestFiles.wav("demo-dictation.wav", 3));
        assertThat(page.locator("[data-list=AUDIO] input[name=audioId]")).hasCount(1);
        page.getByTestId("document-picker").setInputFiles(TestFiles.text("demo-loi.txt", "Claimant: J. Doe\n"));
        assertThat(page.locator("[data-list=DOCUMENT] input[name=documentId]")).hasCount(1);
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(page.getByTestId("job-status")).hasText("Transcript ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("timeline")).containsText("Claudio sent a notification");
        Browsers.screenshot(page, "demo-job-completed");
    }

    @Test
    void aPortalKilledWhileSendingFilesResumesAfterRestartWithoutLosingOrDoublingAnything() throws Exception {
        SandboxControl claudio = stack.sandbox().control();
        claudio.setLatency("maple", java.time.Duration.ofSeconds(4));
        KeycloakLogin.signIn(page, portal, "staff@maple.test", "demo");
        page.getByTestId("nav-new-job").click();
        page.waitForURL(url -> url.contains("?profile="));
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        page.locator("#f-jobName").fill("Killed mid-job " + run);
        page.getByTestId("audio-picker").setInputFiles(new java.nio.file.Path[] {
                TestFiles.wav("kill-" + run + "-1.wav", 2),
                TestFiles.wav("kill-" + run + "-2.wav", 2),
                TestFiles.wav("kill-" + run + "-3.wav", 2) });
        assertThat(page.locator("[data-list=AUDIO] input[name=audioId]")).hasCount(3);
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        String jobPage = page.url();
        // the first recording is with Claudio; the second is on its way: pull the plug
        assertThat(page.getByTestId("timeline")).containsText("Claudio has recording 1",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertEquals(1, uploaded(claudio, "kill-" + run + "-"), "the kill comes while the job is half sent");
        stack.killPortal();
        // the recording whose upload was on its way: Claudio may have stored it while the answer was
        // lost, and it cannot list or de-duplicate uploads, so that one (only) may arrive twice
        // (docs/architecture.md, "What happens on each failure"); the leases of the killed portal
        // stand until the restart, so this is what the portal had in flight
        java.util.List<String> inFlight;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(stack.database().jdbcUrl(), "postgres", "postgres");
                var statement = db.prepareStatement("select f.original_filename from job_file f join job j on j.id = f.job_id "
                        + "where j.tenant_id = 'maple' and j.name = ? and f.status = 'SENDING'")) {
            statement.setString(1, "Killed mid-job " + run);
            inFlight = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    inFlight.add(rows.getString(1));
                }
            }
        }
        assertTrue(inFlight.size() <= 1, "one recording at a time is on its way: " + inFlight);
        stack = stack.restartPortal();
        claudio.setLatency("maple", java.time.Duration.ZERO);

        page.navigate(jobPage);
        assertThat(page.getByTestId("job-status")).hasText("Transcript ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(90_000));
        Browsers.screenshot(page, "demo-job-after-kill");
        var received = claudio.counters("maple");
        var uploads = received.uploadedFilenames().stream().filter(n -> n.startsWith("kill-" + run + "-"))
                .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertEquals(java.util.List.of("kill-" + run + "-1.wav", "kill-" + run + "-2.wav", "kill-" + run + "-3.wav"),
                java.util.List.copyOf(uploads.keySet()), "every recording reached Claudio");
        uploads.forEach((name, times) -> {
            if (inFlight.contains(name)) {
                assertTrue(times <= 2, name + " (on its way at the kill) reached Claudio " + times + " times");
            } else {
                assertEquals(1, times, name + " reached Claudio exactly once");
            }
        });
        assertEquals(java.util.List.of("kill-" + run + "-1.wav", "kill-" + run + "-2.wav", "kill-" + run + "-3.wav"),
                claudio.jobsNamed("maple", "Killed mid-job " + run).get(0).inputs().stream().map(SandboxControl.Job.Input::filename).toList(),
                "the job at Claudio lists each recording once");
        assertEquals(1, received.submittedJobNames().stream().filter(("Killed mid-job " + run)::equals).count(), "submitted once");
        assertEquals(1, claudio.jobsNamed("maple", "Killed mid-job " + run).size(), "one job at Claudio");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(stack.database().jdbcUrl(), "postgres", "postgres")) {
            assertEquals(1, count(db, "select count(*) from job where tenant_id = 'maple' and name = ?", "Killed mid-job " + run),
                    "one job in the portal");
        }
    }

    private static int count(java.sql.Connection db, String sql, String param) throws java.sql.SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, param);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static long uploaded(SandboxControl claudio, String prefix) {
        return claudio.counters("maple").uploadedFilenames().stream().filter(n -> n.startsWith(prefix)).count();
    }

    @Test
    void organizationMembersBecomeStaffAutomatically() {
        KeycloakLogin.signIn(page, portal, "nurse@maple.test", "demo");
        assertThat(page).hasURL(portal + "t/maple");
        assertThat(page.getByTestId("active-tenant")).containsText("Staff");
    }

    @Test
    void auditorSeesNoAdminLinksAndGets403() {
        KeycloakLogin.signIn(page, portal, "auditor@harbour.test", "demo");
        assertThat(page.getByTestId("dashboard-title")).hasText("Harbour IME");
        assertThat(page.locator("nav a[href$='/admin/members']")).hasCount(0);
        assertEquals(403, page.navigate(portal + "t/harbour/admin/members").status());
    }

    @Test
    void platformAdministratorRoleComesFromKeycloak() {
        KeycloakLogin.signIn(page, portal, "platform@claudio.test", "demo");
        page.navigate(portal + "platform/tenants");
        assertThat(page.getByTestId("tenants")).containsText("Maple Clinic");
        assertThat(page.getByTestId("tenants")).containsText("Harbour IME");
        Browsers.screenshot(page, "keycloak-platform-tenants");
    }

    @Test
    void signOutEndsTheKeycloakSessionToo() {
        KeycloakLogin.signIn(page, portal, "locum@claudio.test", "demo");
        assertThat(page.getByTestId("tenant-list")).containsText("Harbour IME");
        page.getByTestId("user-menu").click();
        page.getByTestId("sign-out").click();
        // Keycloak ends its own session and sends the browser back to the portal's front page
        page.waitForURL(url -> url.startsWith(portal) && !url.contains("/logout"));
        assertThat(page.getByTestId("sign-in")).isVisible();
        page.navigate(portal + "login");
        assertThat(page.locator("#username")).isVisible();
    }
}
