package com.claudioportal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/** What "My settings" says when it refuses a choice or saves it, in the reader's language. */
@QuarkusTest
class SettingsWordsTest {

    static final String PERSON = "settings-words@settings.test";
    static final String UNVERIFIED = "settings-unverified@settings.test";

    @Test
    @SignedInAs(PERSON)
    void aChoiceOffTheListIsRefusedInTheReadersLanguage() {
        String french = html(post("fr-CA", "SOMETIMES", "Atlantis/Nowhere").then().statusCode(400).extract().asString());
        assertTrue(french.contains("Choisissez comment les courriels doivent vous parvenir."), french);
        assertTrue(french.contains("Choisissez un fuseau horaire dans la liste."), french);
        String english = html(post("en-CA", "SOMETIMES", "Atlantis/Nowhere").then().statusCode(400).extract().asString());
        assertTrue(english.contains("Choose how the e-mails should reach you."), english);
        assertTrue(english.contains("Choose a time zone from the list."), english);
    }

    @Test
    @SignedInAs(PERSON)
    void savedSettingsAreConfirmedInTheReadersLanguage() {
        assertEquals("success:Vos préférences sont enregistrées.", flash(post("fr-CA", "DIGEST", "America/Montreal")));
        assertEquals("success:Your settings are saved.", flash(post("en-CA", "INSTANT", "")));
    }

    @Test
    @TestSecurity(user = UNVERIFIED)
    @OidcSecurity(claims = { @Claim(key = "email", value = UNVERIFIED), @Claim(key = "email_verified", value = "false", type = ClaimType.BOOLEAN) })
    void withoutAVerifiedAddressThePersonIsToldWhyInTheirLanguage() {
        String french = html(post("fr-CA", "DIGEST", "").then().statusCode(400).extract().asString());
        assertTrue(french.contains("Votre connexion ne comporte pas d'adresse courriel vérifiée : le portail ne peut donc pas garder de "
                + "préférences pour vous."), french);
        String english = html(post("en-CA", "DIGEST", "").then().statusCode(400).extract().asString());
        assertTrue(english.contains("Your sign-in has no verified e-mail address, so the portal cannot keep settings for you."), english);
    }

    private static Response post(String language, String delivery, String zone) {
        return WebClient.form("/settings").header("Accept-Language", language).formParam("mailDelivery", delivery)
                .formParam("timeZone", zone).post("/settings");
    }

    private static String flash(Response response) {
        String raw = response.then().statusCode(303).extract().cookie("portal-flash");
        assertNotNull(raw, "a flash was set");
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String html(String text) {
        return text.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
