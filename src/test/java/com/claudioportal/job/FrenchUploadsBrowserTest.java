package com.claudioportal.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.ClinicBrowserTestBase;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.infra.TestRecordings;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the browser scripts write, for a French (fr-CA) browser: the words come from the page
 * (web.ScriptMessages through the layout's portal-words block), so a refused file, an upload under
 * way and one cancelled, a finished file's size, the trim warning, the preset's note and the batch
 * count all read in French. Screenshots french-uploads-* at 1366, 768 and 375 px.
 */
@QuarkusTest
class FrenchUploadsBrowserTest extends ClinicBrowserTestBase {

    static final LocatorAssertions.HasCountOptions SLOW_COUNT = new LocatorAssertions.HasCountOptions().setTimeout(90_000);

    @BeforeEach
    void signInAsFrenchStaff() {
        reopen(new Browser.NewContextOptions().setLocale("fr-CA").setTimezoneId("America/Montreal"));
        signInAsStaffOf("Clinique de l'Érable", "Dre Roy");
    }

    @Test
    void theNewJobFormsScriptsSpeakFrench() {
        page.navigate(base + "t/" + clinic.tenant() + "/jobs/new");
        page.waitForURL(url -> url.contains("?profile="));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");

        // refused in the browser before anything is sent: the size and the limit in French units
        page.getByTestId("audio-picker").setInputFiles(TestFiles.sparse("énorme dictée.wav", 260_000_000L));
        assertThat(page.locator("[data-list=AUDIO] .upload-error")).hasText(
                "« énorme dictée.wav » fait 260 Mo ; un enregistrement peut faire au plus 250 Mo.");
        assertThat(page.locator("[data-list=AUDIO] .file-row.failed button")).hasText("Fermer");
        Browsers.screenshots(page, "french-uploads-refused");
        page.locator("[data-list=AUDIO] .file-row.failed button").click();

        // a long upload under way, then cancelled
        page.getByTestId("audio-picker").setInputFiles(TestRecordings.make("longue dictée", TestRecordings.Format.WAV_CD, 600, 0));
        Locator pending = page.locator("[data-list=AUDIO] .file-row.pending");
        assertThat(pending.locator(".upload-status")).hasText(
                Pattern.compile("En attente du téléversement…|Téléversement vers le portail… \\d+ %|Vérification de l'enregistrement…"));
        assertThat(pending.locator("[data-cancel-upload]")).hasText("Annuler");
        assertThat(pending.locator("[data-cancel-upload]")).hasAttribute("aria-label", "Annuler le téléversement de longue dictée.wav");
        assertThat(page.getByTestId("submit-job")).isDisabled();
        assertThat(page.locator("[data-submit-status]")).hasText("En attente de la fin du téléversement d'un fichier…");
        pending.locator("[data-cancel-upload]").click();
        assertThat(page.locator("[data-upload-announce]")).hasText("Le téléversement de « longue dictée.wav » a été annulé.");

        // a finished one: its size from the server in French units, the trim warning in French
        page.getByTestId("audio-picker").setInputFiles(TestFiles.wav("court.wav", 3));
        Locator done = page.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(done).hasCount(1, SLOW_COUNT);
        assertThat(done.locator(".file-meta")).hasText(Pattern.compile("\\d+ Ko · 00:00:0[34]"));
        assertThat(done.locator("[data-remove-upload]")).hasAttribute("aria-label", "Retirer court.wav");
        done.locator("[data-trim=end]").fill("00:00:09");
        assertThat(done.getByTestId("trim-note")).hasText("Cet enregistrement dure 0:03, moins que la fin du rognage 0:09.");

        page.locator("#f-specialist_name").fill("Dr Saisi");
        page.getByTestId("preset").selectOption("Dre Roy");
        assertThat(page.getByTestId("preset-status")).hasText(Pattern.compile(
                "1 champ rempli à partir de « Dre Roy » \\(.+\\) ; 1 champ que vous aviez saisi est conservé \\(.+\\)\\."));
        Browsers.screenshots(page, "french-uploads-form");
    }

    @Test
    void theManyRecordingsFormCountsInFrench() {
        page.navigate(base + "t/" + clinic.tenant() + "/jobs");
        page.getByTestId("new-bulk").click();
        page.getByTestId("bulk-choose-submit").click();
        page.getByTestId("bulk-picker").setInputFiles(new java.nio.file.Path[] { TestFiles.wav("un.wav", 1), TestFiles.wav("deux.wav", 1) });
        assertThat(page.locator("[data-list=AUDIO] .batch-row[data-upload-id]:not([data-upload-id=''])")).hasCount(2, SLOW_COUNT);
        assertThat(page.getByTestId("bulk-count")).hasText("2 enregistrements prêts (au plus 50).");
        Browsers.screenshots(page, "french-uploads-bulk");
    }
}
