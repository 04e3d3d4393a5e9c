package com.claudioportal.job;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.TenantScope;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Long real input in a real browser: a 10 KB French bio on the new-job form (Vert.x refused any
 * value over 2 KB with a bare 413 and the recordings were lost), a value over the field's limit
 * refused beside it with everything else kept, a 64 KB pasted profile, and two tabs of the same
 * form both submitting.
 */
@QuarkusTest
class LongInputBrowserTest extends BrowserTestBase {

    /** About 10 KB of French: accents take two bytes each, so byte limits would halve the room. */
    static final String BIO = ("Docteure Éloïse Côté-Lefèvre, physiatre diplômée de l'Université Laval, exerce depuis 1998 en médecine "
            + "physique et réadaptation ; elle évalue les séquelles de traumatismes crânio-cérébraux légers, les entorses cervicales "
            + "et les lésions professionnelles. Expertise médico-légale reconnue, français et anglais. ").repeat(34).strip();

    @Inject
    ClaudioTenants claudio;

    @Inject
    TenantScope scope;

    ClaudioTenants.Wired clinic;
    String admin;

    @BeforeEach
    void signIn() {
        admin = Fixtures.email("admin");
        clinic = claudio.tenant("Clinique Laval", admin);
        signIn(admin);
    }

    @Test
    void aTenKilobyteFrenchBioIsAcceptedAndStoredExactly() {
        assertTrue(BIO.getBytes(StandardCharsets.UTF_8).length > 10_000 && BIO.length() < 20_000, "bytes " + BIO.getBytes(StandardCharsets.UTF_8).length);
        openForm(page);
        page.locator("#f-jobName").fill("Évaluation – Côté");
        page.locator("#f-specialist_name").fill("Dre Éloïse Côté-Lefèvre");
        page.locator("#f-specialist_bio").fill(BIO);
        addRecording(page, "dictée-1.wav");
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        long jobId = Long.parseLong(page.url().replaceAll(".*/jobs/(\\d+)$", "$1"));
        Map<String, String> stored = scope.call(clinic.tenant(), () -> Job.<Job> findById(jobId).fieldValues());
        assertEquals(BIO, stored.get("specialist_bio"));
        Browsers.screenshot(page, "long-bio-submitted");
    }

    @Test
    void aValueOverTheLimitIsRefusedBesideTheFieldWithEverythingElseKept() {
        openForm(page);
        page.locator("#f-jobName").fill("Trop long");
        page.locator("#f-specialist_name").fill("Dre Côté");
        page.locator("#f-specialist_bio").fill("é".repeat(20_001));
        addRecording(page, "première.wav");
        addRecording(page, "deuxième.wav");
        page.getByTestId("submit-job").click();
        assertThat(page.locator("[data-field-error='f.specialist_bio']")).hasText("Specialist Bio is too long: 20,001 characters, at most 20,000.");
        assertThat(page.locator("#f-jobName")).hasValue("Trop long");
        assertThat(page.locator("#f-specialist_name")).hasValue("Dre Côté");
        Locator rows = page.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        assertThat(rows).hasCount(2);
        assertThat(rows.first()).containsText("première.wav");
        Browsers.screenshot(page, "long-bio-refused");

        page.locator("#f-specialist_bio").fill(BIO);
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(page.getByTestId("job-name")).hasText("Trop long");
    }

    @Test
    void twoTabsOfTheSameFormBothSubmit() {
        Page second = browser.newPage();
        openForm(page);
        openForm(second);
        page.locator("#f-jobName").fill("Premier onglet");
        addRecording(page, "onglet-1.wav");
        second.locator("#f-jobName").fill("Second onglet");
        addRecording(second, "onglet-2.wav");
        page.getByTestId("submit-job").click();
        page.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        second.getByTestId("submit-job").click();
        second.waitForURL(url -> url.matches(".*/jobs/\\d+$"));
        assertThat(second.getByTestId("job-name")).hasText("Second onglet");
        assertTrue(!page.url().equals(second.url()), "two jobs");
    }

    @Test
    void aSixtyFourKilobyteProfileIsPastedAndImported() {
        StringBuilder json = new StringBuilder("{\"form_id\":\"F-64K\",\"profile_id\":\"P-64K\",\"profile_name\":\"Évaluation longue\",\"job_data\":[");
        for (int i = 0; i < 10; i++) {
            json.append(i == 0 ? "" : ",").append("{\"key\":\"texte_").append(i).append("\",\"ui_label\":\"Texte modèle ").append(i)
                    .append("\",\"type\":\"text\",\"ui_type\":\"textarea\",\"ui_desc\":\"Gabarit prérempli\",\"input_value\":\"")
                    .append(BIO.substring(0, 6_500)).append("\"}");
        }
        String pasted = json.append("]}").toString();
        assertTrue(pasted.getBytes(StandardCharsets.UTF_8).length > 64_000, "bytes " + pasted.getBytes(StandardCharsets.UTF_8).length);
        page.navigate(base + "t/" + clinic.tenant() + "/admin/profiles");
        page.locator("#f-json").fill(pasted);
        page.locator("[data-testid=import-profile] button[type=submit]").click();
        assertThat(page.getByTestId("flash")).containsText("Imported \u201cÉvaluation longue\u201d with 10 fields.");
        Browsers.screenshot(page, "long-profile-imported");
        String stored = scope.call(clinic.tenant(), () -> Profile.<Profile> find("displayName", "Évaluation longue").firstResult()
                .currentVersion().fields().get(9).defaultValue());
        assertEquals(BIO.substring(0, 6_500).strip(), stored);
    }

    private void openForm(Page p) {
        p.navigate(base + "t/" + clinic.tenant() + "/jobs/new?profile=" + clinic.profileId());
        assertThat(p.getByTestId("submit-form")).isVisible();
    }

    private static void addRecording(Page p, String name) {
        Locator rows = p.locator("[data-list=AUDIO] .file-row[data-upload-id]:not([data-upload-id=''])");
        int before = rows.count();
        p.getByTestId("audio-picker").setInputFiles(TestFiles.wav(name, 2));
        assertThat(rows).hasCount(before + 1);
    }
}
