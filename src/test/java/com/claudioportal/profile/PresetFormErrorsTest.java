package com.claudioportal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A preset row's field picker goes through the {select} tag like every other picker: a refused key is
 * shown beside that row's picker, which points at its message (screen readers read it with the field).
 */
@QuarkusTest
class PresetFormErrorsTest extends TenantTestBase {

    static final String ADMIN = "preset-errors-admin@preset.test";

    @Test
    @SignedInAs(ADMIN)
    void anUnknownKeyIsShownBesideItsRowsPicker() {
        String tenant = fixtures.tenant("Preset Errors Clinic", ADMIN);
        fixtures.seedProfile(tenant);
        String page = "/t/" + tenant + "/admin/presets/new";
        Response r = WebClient.form(page).formParam("name", "Dr. Rows").formParam("action", "save")
                .formParam("valueKey", List.of("specialist_name", "no_such_field"))
                .formParam("valueText", List.of("Dr. Rows", "x")).post(page);
        assertEquals(400, r.statusCode());
        String html = r.asString();
        Matcher second = Pattern.compile("<select id=\"pk-1\"[^>]*>").matcher(html);
        assertTrue(second.find(), html);
        assertTrue(second.group().contains("aria-invalid=\"true\"") && second.group().contains("pk-1-error"), second.group());
        assertTrue(second.group().contains("is-invalid"), second.group());
        assertTrue(html.contains("<div id=\"pk-1-error\" class=\"invalid-feedback\" data-field-error=\"values[1].key\">"
                + "No profile has a field “no_such_field”"), html);
        Matcher first = Pattern.compile("<select id=\"pk-0\"[^>]*>").matcher(html);
        assertTrue(first.find() && !first.group().contains("aria-invalid"), "the row without a problem is not marked");
    }
}
