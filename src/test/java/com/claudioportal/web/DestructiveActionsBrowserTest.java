package com.claudioportal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.BrowserTestBase;
import com.claudioportal.infra.Browsers;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestLogin;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantRole;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Disabling a tenant, disabling a profile and removing the Claudio connection each ask first, in a
 * question that names what will happen (a details box: it works without JavaScript), and do nothing
 * until confirmed; the two that can be undone are undone from the same list. (Regenerating the
 * webhook address: ConnectionBrowserTest; cancelling a job: JobPagesBrowserTest.)
 */
@QuarkusTest
class DestructiveActionsBrowserTest extends BrowserTestBase {

    @Test
    void disablingAProfileAsksNamingItAndEnablingItAgainUndoesIt() {
        String tenant = signedInTo("Confirm Profiles Clinic", TenantRole.TENANT_ADMIN);
        fixtures.seedProfile(tenant);
        page.navigate(base + "t/" + tenant + "/admin/profiles");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("IME with Structura Doc Extraction"));
        disablingAsksThenEnablingRestores(row, "profile", "In use",
                "Disable IME with Structura Doc Extraction? Staff can no longer choose it for new jobs", "You can enable it again at any time.");
    }

    @Test
    void disablingATenantAsksNamingWhatItsMembersLoseAndEnablingRestoresIt() {
        String name = "Confirm Tenant " + UUID.randomUUID().toString().substring(0, 6);
        fixtures.tenant(name, Fixtures.email("admin"));
        TestLogin.signIn(page, base.toString(), Fixtures.email("operator"), CurrentUser.PLATFORM_ADMIN_ROLE);
        page.navigate(base + "platform/tenants");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(name));
        assertThat(row).containsText("Enabled");
        disablingAsksThenEnablingRestores(row, "tenant", "Enabled",
                "Disable " + name + "? Its members can no longer sign in to it", "nothing is deleted, and enabling it again restores everything");
    }

    @Test
    void removingTheConnectionAsksAndSaysStaffCannotSubmitUntilANewOneIsSaved() {
        String tenant = signedInTo("Confirm Connection Clinic", TenantRole.TENANT_ADMIN);
        fixtures.connection(tenant);
        page.navigate(base + "t/" + tenant + "/admin/connection");
        page.locator("summary", new Page.LocatorOptions().setHasText("Remove connection")).click();
        Locator question = page.locator("details.confirm[open] .confirm-box");
        assertThat(question).containsText("Staff will not be able to submit jobs until a new connection is saved.");
        assertThat(page.getByTestId("key-hint")).isVisible();
        onAPhoneTheQuestionIsWhollyOnScreen(question);
        Browsers.screenshots(page, "connection-remove-confirm");

        question.locator("button[type=submit]").click();
        assertThat(page.getByTestId("flash")).containsText("The Claudio connection was removed. Staff cannot submit jobs until a new one is saved.");
        assertThat(page.getByTestId("key-hint")).hasCount(0);
    }

    /**
     * The {@code what} ("profile", "tenant") in {@code row}: its disable button opens a question that says each of
     * {@code questionSays} while the row still shows {@code state} (screenshots {@code <what>-disable-confirm}); confirming
     * disables it, and the row's Enable button gives back {@code state}.
     */
    private void disablingAsksThenEnablingRestores(Locator row, String what, String state, String... questionSays) {
        row.getByTestId("disable-" + what).click();
        Locator question = row.locator("details.confirm[open] .confirm-box");
        for (String says : questionSays) {
            assertThat(question).containsText(says);
        }
        assertThat(row).containsText(state);
        onAPhoneTheQuestionIsWhollyOnScreen(question);
        Browsers.screenshots(page, what + "-disable-confirm");

        row.getByTestId("confirm-disable-" + what).click();
        assertThat(row).containsText("Disabled");
        row.locator("button", new Locator.LocatorOptions().setHasText("Enable")).click();
        assertThat(row).containsText(state);
    }

    /** At 375 px the open question and its button lie within the screen, not cut off by a table's box. */
    private void onAPhoneTheQuestionIsWhollyOnScreen(Locator question) {
        page.setViewportSize(375, 812);
        question.scrollIntoViewIfNeeded();
        var box = question.boundingBox();
        assertTrue(box.x >= 0 && box.x + box.width <= 375, "the question lies within the screen: x " + box.x + ", width " + box.width);
        Object visible = question.evaluate("e => { const r = e.getBoundingClientRect(); const at = document.elementFromPoint("
                + "r.left + r.width / 2, r.top + Math.min(r.height - 2, 10)); return e.contains(at); }");
        assertEquals(Boolean.TRUE, visible, "nothing covers or clips the question");
        page.setViewportSize(1366, 900);
    }
}
