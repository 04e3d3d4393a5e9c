package com.claudioportal.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.claudioportal.forms.FormErrors;

/** The add-member form's checks, through the one validator; outside a request the messages are English. */
class MemberFormTest {

    private static FormErrors member(String email, String role) {
        MemberResource.MemberForm form = new MemberResource.MemberForm();
        form.email = email;
        form.role = role;
        return form.check();
    }

    @Test
    void aBlankFieldIsMissingNotAlsoInvalid() {
        FormErrors errors = member("  ", "");
        assertEquals("Enter the person's e-mail address.", errors.get("email"));
        assertEquals("Choose a role.", errors.get("role"));
        assertEquals(2, errors.all().size());
    }

    @Test
    void addressesAndPatternsAreChecked() {
        assertEquals("Enter a valid e-mail address, like name@clinic.org.", member("pat@", "STAFF").get("email"));
        assertEquals("Enter a valid e-mail address, like name@clinic.org.", member("pat clinic@x.org", "STAFF").get("email"));
        assertEquals("That address is too long.", member("a".repeat(320) + "@clinic.org", "STAFF").get("email"));
        assertEquals("Choose one of the listed roles.", member("pat@clinic.org", "STAFF2").get("role"));
        assertEquals("Choose one of the listed roles.", member("pat@clinic.org", "staff").get("role"), "a whole match, not a part");
        assertTrue(member(" Pat@Clinic.TEST ", "AUDITOR").isEmpty(), "spaces around an address are forgiven (the service trims)");
        assertFalse(member("éloïse.o'neil+ime@clinique-maple.test", "STAFF").has("email"), "accents, as Hibernate Validator took them");
        assertFalse(member("pat@hôpital-côte.test", "STAFF").has("email"), "an international host name");
        assertTrue(member("pat@-clinic.test", "STAFF").has("email"), "a label does not start with a dash");
    }
}
