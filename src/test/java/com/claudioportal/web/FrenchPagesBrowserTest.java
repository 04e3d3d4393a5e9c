package com.claudioportal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Accessibility;
import com.claudioportal.infra.BilingualBrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobEvent;
import com.claudioportal.job.JobLifecycle;
import com.claudioportal.job.JobLine;
import com.claudioportal.job.JobState;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages clinic staff use, walked by a French (fr-CA) browser and by an English one as the same
 * person: {@code <html lang="fr">}, key labels in French, and no sentence left in English — a line of
 * text the two languages show identically is a leftover unless it is data (the clinic's, the job's or
 * the profile's names, a date, a number). axe-core checks every page (Browsers does it on each load)
 * and each page is saved at 1366, 768 and 375 px as target/screenshots/french-*. The job pages' timelines
 * hold lines the engine writes (a retry, a failure after the attempts, a notice, the completion).
 */
@QuarkusTest
class FrenchPagesBrowserTest extends BilingualBrowserTestBase {

    FrenchPagesBrowserTest() {
        super("UTC");
    }

    /** Lines both languages may show alike: names and codes, not words of the portal. */
    static final Pattern DATA = Pattern.compile("^(Claudio Portal|Clinique Saint-Laurent|Fixture job|← Fixture job|IME with Structura Doc Extraction.*"
            + "|.*[Ss]pecialist.*|report\\.txt|media\\.mp3|—|[0-9]:[0-9]{2}|English|Français|[A-Z][A-Za-z]+/[A-Za-z_/ +-]+"
            + "|fixture\\.wav|.*@example\\.test|REF-[0-9a-f-]+|[0-9 ,.:/()–·+\\-a-zA-Z]{0,3}|[0-9]{4}-[0-9]{2}-[0-9]{2}.*|[0-9.,]+"
            + "|Notifications|Documents|Document|Pause|Administration|Audit|Profil.*|Version.*|Message|Date|Type|Total|Page|Options"
            + "|.*\\*.*|#.*|[A-Z][a-z]+ [0-9]+|.*\\(is_raw = [01]\\))$");

    @Test
    void theStaffPagesAreInFrenchForAFrenchBrowser() {
        String staff = Fixtures.email("staff");
        String tenant = fixtures.tenantWithMember("Clinique Saint-Laurent", staff, TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);
        long finished = fixtures.finishedJob(tenant, profile);
        long failed = fixtures.finishedJob(tenant, profile);
        fixtures.scope().run(tenant, () -> {
            // a job Claudio never accepted, which may still be cancelled (written as stored, like the fixture)
            Job job = Job.findById(failed);
            job.status = JobState.FAILED;
            job.claudioReference = null;
            // the lines and detail the engine writes when a file keeps failing (EngineLinesLanguageTest drives them through the worker)
            JobLine timeout = JobLine.of("failure_timeout", "operation", "upload_audio");
            JobEvent.record(job, JobLine.of("retry_recording", "whyLine", timeout, "n", 1, "waitLine", JobLine.of("wait_seconds", "n", 30)),
                    JobLifecycle.SYSTEM);
            JobLine failedAfter = JobLine.of("failed_after", "whyLine", timeout, "attempts", 8);
            JobEvent.record(job, failedAfter, JobLifecycle.SYSTEM);
            job.setDetail(failedAfter);
            // and those of a job Claudio finished: a notice, an acceptance that came late, the completion
            Job done = Job.findById(finished);
            JobEvent.record(done, JobLine.of("notice"), "claudio");
            JobEvent.record(done, JobLine.of("accepted_late", "reference", "REF-1234"), JobLifecycle.SYSTEM);
            JobEvent.record(done, JobLine.of("completed", "documents", 1, "raw", true), JobLifecycle.SYSTEM);
        });
        String batch = fixtures.batch(tenant, finished);
        fixtures.notification(tenant, finished, staff);

        String t = "t/" + tenant;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("choose-tenant", "");
        pages.put("dashboard", t);
        pages.put("job-list", t + "/jobs");
        pages.put("choose-profile", t + "/jobs/new");
        pages.put("new-job", t + "/jobs/new?profile=" + profile);
        pages.put("job-page", t + "/jobs/" + finished);
        pages.put("failed-job", t + "/jobs/" + failed);
        pages.put("cancel", t + "/jobs/" + failed + "/cancel");
        pages.put("bulk", t + "/jobs/bulk?profile=" + profile);
        pages.put("batch", t + "/jobs/bulk/" + batch);
        pages.put("notifications", t + "/notifications");
        pages.put("settings", "settings");
        pages.put("not-found", t + "/jobs/999999999");

        Page french = signedIn(staff, "fr-CA");
        Page english = signedIn(staff, "en-CA");
        Map<String, Set<String>> leftovers = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : pages.entrySet()) {
            french.navigate(base + p.getValue());
            english.navigate(base + p.getValue());
            assertThat(french.locator("html")).hasAttribute("lang", "fr");
            assertThat(english.locator("html")).hasAttribute("lang", "en");
            assertEquals(p.getKey().equals("not-found") ? 404 : 200, french.evaluate("() => performance.getEntriesByType('navigation')[0].responseStatus"),
                    p.getKey());
            Set<String> same = lines(french);
            same.retainAll(lines(english));
            same.removeIf(line -> DATA.matcher(line).matches());
            if (!same.isEmpty()) {
                leftovers.put(p.getKey(), same);
            }
            Accessibility.assertNoViolations(french);
            Browsers.screenshots(french, "french-" + p.getKey());
        }
        assertEquals(Map.of(), leftovers, "text the French pages still show in English");

        // key labels, as a French-speaking clinic reads them
        french.navigate(base + t);
        assertThat(french.locator("nav[aria-label=Principal]")).containsText("Nouveau travail");
        assertThat(french.getByTestId("active-tenant")).containsText("Personnel");
        assertThat(french.getByTestId("job-counts")).containsText("Terminés cette semaine");
        french.navigate(base + t + "/jobs/new?profile=" + profile);
        assertThat(french.locator("label[for=f-jobName]")).containsText("Nom du travail");
        assertThat(french.getByTestId("submit-job")).hasText("Envoyer le travail");
        assertThat(french.getByTestId("recordings")).containsText("Choisir des enregistrements");
        french.navigate(base + t + "/jobs/" + finished);
        assertThat(french.getByTestId("job-status")).hasText("Transcription prête");
        french.navigate(base + t + "/jobs/" + failed);
        assertThat(french.getByTestId("job-detail")).hasText(
                "Claudio n'a pas répondu à temps (envoi d'un enregistrement), après 8 tentatives. Réessayez plus tard.");
        assertThat(french.getByTestId("timeline")).containsText(
                "Claudio n'a pas répondu à temps (envoi d'un enregistrement), pendant l'envoi du fichier 1 (un enregistrement). "
                        + "Le portail réessaie dans 30 secondes.");
        french.navigate(base + t + "/jobs/" + finished);
        assertThat(french.getByTestId("timeline")).containsText("Claudio a envoyé une notification ; le portail vérifie le travail.");
        assertThat(french.getByTestId("timeline")).containsText("Claudio a terminé le travail : 1 document de transcription et la transcription brute.");
        french.navigate(base + t + "/jobs/" + failed + "/cancel");
        assertThat(french.locator("h1")).hasText("Annuler ce travail ?");
        assertThat(french.getByTestId("confirm-cancel")).hasText("Annuler le travail");
        french.navigate(base + t + "/jobs/999999999");
        assertThat(french.locator("h1")).hasText("Page introuvable");

        // the new-job form sent back with problems: the refusals the Java words, in French, beside each field
        // (last: the form then holds unsaved work, and the leave-page warning keeps the browser on it)
        Map<String, Set<String>> refused = new LinkedHashMap<>();
        for (Page p : List.of(french, english)) {
            p.navigate(base + t + "/jobs/new?profile=" + profile);
            p.locator("#f-jobName").fill("");
            p.locator("#f-dueAt").fill("2020-01-01T09:30");
            p.getByTestId("submit-job").click();
            assertThat(p.getByTestId("error-summary")).isVisible();
        }
        assertThat(french.locator("[data-field-error=jobName]")).hasText("Donnez au travail un nom que vous reconnaîtrez dans la liste des travaux.");
        assertThat(french.locator("[data-field-error=audio]")).hasText("Ajoutez au moins un enregistrement.");
        assertThat(french.locator("[data-field-error=dueAt]")).hasText("Cette heure est passée. Choisissez une échéance à venir, ou laissez le champ vide.");
        assertThat(french.locator("label[for=f-dueAt]")).hasText("Échéance (UTC)");
        Set<String> same = lines(french);
        same.retainAll(lines(english));
        same.removeIf(line -> DATA.matcher(line).matches());
        assertEquals(Set.of(), same, "text the refused French form still shows in English");
        Accessibility.assertNoViolations(french);
        Browsers.screenshots(french, "french-new-job-errors");
    }

    /** The page's visible text, a line each, without what scripts write later (uploads, the recorder). */
    @SuppressWarnings("unchecked")
    static Set<String> lines(Page page) {
        String text = (String) page.evaluate("() => document.body.innerText");
        Set<String> lines = new LinkedHashSet<>();
        Arrays.stream(text.split("\\n")).map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        // the attributes screen readers and tooltips read count too
        for (Object a : (List<Object>) page.evaluate("() => [...document.querySelectorAll('[aria-label],[title],[placeholder]')]"
                + ".flatMap(e => ['aria-label', 'title', 'placeholder'].map(n => e.getAttribute(n)).filter(v => v))")) {
            lines.add(a.toString().strip());
        }
        return lines;
    }
}
