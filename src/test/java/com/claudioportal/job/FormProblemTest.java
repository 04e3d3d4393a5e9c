package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A problem of the whole form (no Claudio connection yet, a profile disabled meanwhile) has no input to
 * link to: it is said once in the form, above its fields, while the summary lists only the fields' problems
 * and links each to its input; what was typed (accents, dashes) is kept and nothing is made.
 */
@QuarkusTest
class FormProblemTest extends TenantTestBase {

    static final String STAFF = "staff@formproblem.test";

    @Test
    @SignedInAs(STAFF)
    void theWholeFormsProblemIsSaidOnceAboveTheFormAndTheSummaryListsOnlyFields() {
        String tenant = fixtures.tenantWithMember("Form Problem Clinic", STAFF, TenantRole.STAFF);
        // no fixtures.connection(tenant): the tenant admin has not set Claudio up yet
        long profile = fixtures.seedProfile(tenant);
        long version = fixtures.currentVersion(tenant, profile);
        String bio = "Séance du 12 mars – Éloïse Dupont, suivi à Montréal";

        Response answer = post(tenant, version, "", bio);

        assertEquals(400, answer.statusCode());
        String page = answer.asString();
        String missing = "Your tenant admin has not set up the Claudio connection yet, so jobs cannot be sent.";
        String form = page.substring(page.indexOf("<form method=\"post\""), page.indexOf("</form>"));
        assertEquals(1, occurrences(form, missing), form);
        assertTrue(form.contains("data-testid=\"form-problem\">" + missing + "</div>"), "said in the form's own alert");
        assertFalse(form.contains("href=\"#f-form\""), "the summary links nowhere for the whole form");
        String summary = form.substring(form.indexOf("data-testid=\"error-summary\""), form.indexOf("data-testid=\"form-problem\""));
        assertTrue(summary.contains("href=\"#f-jobName\""), "the job name's problem is listed, linked to its input");
        assertTrue(page.contains(bio), "the typed value is kept");
        assertEquals(0L, (long) scope.call(tenant, () -> Job.count()));
    }

    @Test
    @SignedInAs(STAFF)
    void aFormWhoseOnlyProblemIsTheWholeFormShowsNoEmptySummary() {
        Fixtures.Clinic clinic = fixtures.clinic("Disabled Profile Clinic", STAFF, TenantRole.STAFF);
        String tenant = clinic.tenant();
        scope.run(tenant, () -> Profile.update("enabled = false where id = ?1", clinic.profileId()));

        Response answer = post(tenant, clinic.versionId(), "Compte rendu – Éloïse", "Dr. Kept");

        assertEquals(400, answer.statusCode());
        String page = answer.asString();
        assertTrue(page.contains("data-testid=\"form-problem\""), page);
        assertTrue(page.contains("has disabled the profile"), page);
        assertFalse(page.contains("data-testid=\"error-summary\""), "no summary heading over an empty list");
        assertTrue(page.contains("Compte rendu – Éloïse"), "the job name is kept");
        assertEquals(0L, (long) scope.call(tenant, () -> Job.count()));
    }

    private Response post(String tenant, long version, String jobName, String specialist) {
        return WebClient.send("POST", "/t/" + tenant + "/jobs/new", WebClient.csrf("/t/" + tenant),
                fixtures.jobForm(tenant, version, jobName, specialist));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
