package com.claudioportal.profile;

import static com.claudioportal.infra.FormSteps.assertBesideFields;
import static com.claudioportal.infra.FormSteps.assertKept;
import static com.claudioportal.infra.FormSteps.fillIn;
import static com.claudioportal.infra.FormSteps.submit;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.tenant.TenantScope;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;

import io.quarkus.test.junit.QuarkusTest;

/** A tenant admin imports the vendor's sample as a profile, edits its fields, and manages presets. */
@QuarkusTest
class ProfileAdminBrowserTest extends BrowserTestBase {

    @Inject
    TenantScope scope;

    String tenant;

    @BeforeEach
    void signInAsTenantAdmin() {
        String admin = Fixtures.email("admin");
        tenant = fixtures.tenant("Maple Clinic", admin);
        signIn(admin);
    }

    @Test
    void importsTheSeedProfileThenEditsAField() throws IOException {
        page.navigate(base + "t/" + tenant + "/admin/profiles");
        Locator importProfile = page.locator("[data-testid=import-profile] button[type=submit]");
        submit(importProfile, "#f-json", "{ \"form_id\": \"F\", \"job_data\": [ }");
        assertBesideFields(page, "json", "Line 1 (", "json", "does not match what it closes: a { ends with }, a [ with ].");
        assertKept(page, "#f-json", "{ \"form_id\": \"F\", \"job_data\": [ }");
        Browsers.screenshot(page, "profile-import-error");

        submit(importProfile, "#f-json", ProfileJsonTest.seed());
        assertThat(page.getByTestId("flash")).containsText("Imported \u201cIME with Structura Doc Extraction\u201d with 3 fields");
        assertThat(page.locator("[data-testid=field-key]")).hasCount(3);
        assertThat(page.locator("#f-docTypes")).hasValue("loi");
        Browsers.screenshot(page, "profile-imported");

        // a duplicate key is explained beside the field; every other edit stays
        submit(page.getByTestId("save-profile"), "#fl-0", "Examining specialist", "#fk-2", "specialist_name");
        assertBesideFields(page, "fields[2].key", "Field 1 already uses the key");
        assertKept(page, "#fl-0", "Examining specialist");
        Browsers.screenshot(page, "profile-duplicate-key");

        submit(page.locator("[data-testid=add-field]"), "#fk-2", "specialist_bio");
        submit(page.locator("button[value='up-3']"), "#fk-3", "exam_side", "#fl-3", "Side examined", "#fu-3", "choice",
                "#fo-3", "left, right, both", "#fr-3", "yes");
        assertKept(page, "#fk-2", "exam_side", "#fl-0", "Examining specialist");
        page.getByTestId("save-profile").click();
        assertThat(page.getByTestId("flash")).containsText("was saved");
        assertThat(page.getByTestId("versions")).containsText("Version 2");
        Browsers.screenshot(page, "profile-edited");

        ProfileVersion current = scope.call(tenant, () -> Profile.<Profile> find("displayName", "IME with Structura Doc Extraction")
                .firstResult().currentVersion());
        assertEquals(2, current.versionNo);
        assertEquals("Examining specialist", current.fields().get(0).uiLabel());
        assertEquals("exam_side", current.fields().get(2).key());
        assertTrue(current.fields().get(2).required());

        Download download = page.waitForDownload(() -> page.locator("a[href$='/export']").first().click());
        String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(exported.contains("\"ui_label\" : \"Side examined\""), exported);
        assertEquals("IME-with-Structura-Doc-Extraction.json", download.suggestedFilename());
    }

    @Test
    void managesPresets() {
        fixtures.seedProfile(tenant);
        page.navigate(base + "t/" + tenant + "/admin/presets/new");
        // the keys are picked from the profiles' fields, named by their labels
        assertThat(page.locator("#pk-0 option[value=specialist_name]")).hasText("Medical Specialist (specialist_name)");
        Locator save = page.locator("button.btn-primary[value=save]");
        submit(page.locator("button[value=add]"), "#pk-0", "specialist_name", "#pv-0", "Dr. Jane Roe");
        submit(save, "#pk-1", "specialist_name", "#pv-1", "MD, FRCSC");
        assertBesideFields(page, "name", "Give the preset a name", "values[1].key", "already set above");
        assertKept(page, "#pv-0", "Dr. Jane Roe", "#pk-0", "specialist_name");

        // a key no profile has, posted anyway (a hand-made form): refused beside the field, nothing saved
        fillIn(page, "#f-name", "Dr. Jane Roe, orthopaedics");
        page.evaluate("() => { const o = document.createElement('option'); o.value = 'specialist_nmae'; o.text = 'typo';"
                + " document.querySelector('#pk-1').append(o); }");
        submit(save, "#pk-1", "specialist_nmae");
        assertThat(page.locator("[data-field-error='values[1].key']")).hasText("No profile has a field \u201cspecialist_nmae\u201d. Choose one of the listed fields.");
        assertKept(page, "#pk-1", "specialist_nmae");
        assertEquals(0L, scope.call(tenant, () -> Preset.count()));
        Browsers.screenshots(page, "preset-unknown-field");

        submit(save, "#pk-1", "specialist_credentials");
        assertThat(page.getByTestId("flash")).containsText("was saved");
        assertThat(page.locator("tr[data-preset='Dr. Jane Roe, orthopaedics']")).containsText("specialist_credentials");
        Browsers.screenshot(page, "presets");
    }
}
