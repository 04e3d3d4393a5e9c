package com.claudioportal.profile;

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
        page.locator("#f-json").fill("{ \"form_id\": \"F\", \"job_data\": [ }");
        page.locator("[data-testid=import-profile] button[type=submit]").click();
        assertThat(page.locator("[data-field-error=json]")).containsText("Line 1 (");
        assertThat(page.locator("[data-field-error=json]")).containsText("does not match what it closes: a { ends with }, a [ with ].");
        assertThat(page.locator("#f-json")).hasValue("{ \"form_id\": \"F\", \"job_data\": [ }");
        Browsers.screenshot(page, "profile-import-error");

        page.locator("#f-json").fill(ProfileJsonTest.seed());
        page.locator("[data-testid=import-profile] button[type=submit]").click();
        assertThat(page.getByTestId("flash")).containsText("Imported \u201cIME with Structura Doc Extraction\u201d with 3 fields");
        assertThat(page.locator("[data-testid=field-key]")).hasCount(3);
        assertThat(page.locator("#f-docTypes")).hasValue("loi");
        Browsers.screenshot(page, "profile-imported");

        // a duplicate key is explained beside the field; every other edit stays
        page.locator("#fl-0").fill("Examining specialist");
        page.locator("#fk-2").fill("specialist_name");
        page.getByTestId("save-profile").click();
        assertThat(page.locator("[data-field-error='fields[2].key']")).containsText("Field 1 already uses the key");
        assertThat(page.locator("#fl-0")).hasValue("Examining specialist");
        Browsers.screenshot(page, "profile-duplicate-key");

        page.locator("#fk-2").fill("specialist_bio");
        page.locator("[data-testid=add-field]").click();
        page.locator("#fk-3").fill("exam_side");
        page.locator("#fl-3").fill("Side examined");
        page.locator("#fu-3").fill("choice");
        page.locator("#fo-3").fill("left, right, both");
        page.locator("#fr-3").selectOption("yes");
        page.locator("button[value='up-3']").click();
        assertThat(page.locator("#fk-2")).hasValue("exam_side");
        assertThat(page.locator("#fl-0")).hasValue("Examining specialist");
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
        page.locator("#pk-0").selectOption("specialist_name");
        page.locator("#pv-0").fill("Dr. Jane Roe");
        page.locator("button[value=add]").click();
        page.locator("#pk-1").selectOption("specialist_name");
        page.locator("#pv-1").fill("MD, FRCSC");
        page.locator("button.btn-primary[value=save]").click();
        assertThat(page.locator("[data-field-error=name]")).containsText("Give the preset a name");
        assertThat(page.locator("[data-field-error='values[1].key']")).containsText("already set above");
        assertThat(page.locator("#pv-0")).hasValue("Dr. Jane Roe");
        assertThat(page.locator("#pk-0")).hasValue("specialist_name");

        // a key no profile has, posted anyway (a hand-made form): refused beside the field, nothing saved
        page.locator("#f-name").fill("Dr. Jane Roe, orthopaedics");
        page.evaluate("() => { const o = document.createElement('option'); o.value = 'specialist_nmae'; o.text = 'typo';"
                + " document.querySelector('#pk-1').append(o); }");
        page.locator("#pk-1").selectOption("specialist_nmae");
        page.locator("button.btn-primary[value=save]").click();
        assertThat(page.locator("[data-field-error='values[1].key']")).hasText("No profile has a field \u201cspecialist_nmae\u201d. Choose one of the listed fields.");
        assertThat(page.locator("#pk-1")).hasValue("specialist_nmae");
        assertEquals(0L, scope.call(tenant, () -> com.claudioportal.profile.Preset.count()));
        Browsers.screenshots(page, "preset-unknown-field");

        page.locator("#pk-1").selectOption("specialist_credentials");
        page.locator("button.btn-primary[value=save]").click();
        assertThat(page.getByTestId("flash")).containsText("was saved");
        assertThat(page.locator("tr[data-preset='Dr. Jane Roe, orthopaedics']")).containsText("specialist_credentials");
        Browsers.screenshot(page, "presets");
    }
}
