package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The file pickers' inputs are visually hidden behind their label-buttons: walking the new-job and
 * many-recordings forms with Tab, focus reaches each picker and the button people see shows the focus
 * ring (the hidden input cannot). axe checks both pages (BrowserTestBase's context).
 */
@QuarkusTest
class FilePickerFocusBrowserTest extends BrowserTestBase {

    @Test
    void tabbingToAFilePickerShowsTheFocusOnItsButton() {
        String tenant = signedInTo("Clinique Focus", TenantRole.STAFF);
        fixtures.connection(tenant);
        long profile = fixtures.seedProfile(tenant);

        page.navigate(base + "t/" + tenant + "/jobs/new?profile=" + profile);
        assertRingOnButton("audio-picker");
        assertRingOnButton("document-picker");
        Browsers.screenshot(page, "file-picker-focus");
        page.navigate(base + "t/" + tenant + "/jobs/bulk?profile=" + profile);
        assertRingOnButton("bulk-picker");
    }

    /** Presses Tab (at most 200 times) until the picker has focus; its label then draws the ring. */
    private void assertRingOnButton(String picker) {
        page.locator("body").focus();
        for (int i = 0; i < 200 && !picker.equals(page.evaluate("() => document.activeElement && document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals(picker, page.evaluate("() => document.activeElement.id"), "Tab reaches " + picker);
        Page p = page;
        String outline = (String) p.evaluate("id => getComputedStyle(document.querySelector('label[for=' + id + ']')).outlineStyle", picker);
        assertEquals("solid", outline, "the focus ring of " + picker + "'s button");
        assertTrue(p.locator("label[for=" + picker + "]").isVisible(), picker + "'s button is visible");
    }
}
