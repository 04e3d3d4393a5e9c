package com.claudioportal.profile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A pasted profile the portal cannot read is refused in the reader's language: each thing ProfileJson can
 * find wrong, read back from the import page as a French reader (an English one gets the English of
 * ProfileJsonTest and ProfileImportWordsTest).
 */
@QuarkusTest
class ProfileImportFrenchTest extends TenantTestBase {

    static final String ADMIN = "import-french-admin@profiles.test";
    static final String HEAD = "{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\",\"job_data\":";

    @Test
    @SignedInAs(ADMIN)
    void aFrenchReaderIsToldInFrenchWhatIsWrongWithThePastedJson() {
        String tenant = fixtures.tenant("Clinique des Imports", ADMIN);
        StringBuilder many = new StringBuilder(HEAD + "[");
        for (int i = 0; i < 201; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\"}");
        }
        Map<String, String> expected = Map.of(
                "[1,2]", "Le JSON doit être un seul objet, qui commence par {.",
                "{\"form_id\": \"F\", \"job_data\": []}", "Il manque les valeurs \"profile_id\", \"profile_name\" dans le JSON. "
                        + "Un travail d'exemple de Claudio nomme le profil et énumère ses champs.",
                "{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\"}", "Il manque la valeur \"job_data\" dans le JSON.",
                HEAD + "{}}", "\"job_data\" doit être une liste de champs entre [ ].",
                many + "]}", "\"job_data\" énumère 201 champs ; un profil peut en avoir au plus 200.",
                HEAD + "[{\"key\":\"a\"},7]}", "job_data[1] doit être un objet qui contient une \"key\".",
                HEAD + "[{\"key\":\"a\"},{\"ui_label\":\"Biographie\"}]}", "job_data[1] n'a pas de \"key\" (son libellé est « Biographie »).",
                HEAD + "[{\"key\":\"a\"},{\"ui_type\":\"text\"}]}", "job_data[1] n'a pas de \"key\".",
                HEAD + "[{\"key\":\"a\"},{\"key\":\"a\"}]}", "job_data[1] : la clé « a » apparaît plus d'une fois.");
        String page = "/t/" + tenant + "/admin/profiles";
        WebClient.Csrf csrf = WebClient.csrf(page);
        expected.forEach((json, french) -> {
            String answer = given().redirects().follow(false).header("Accept-Language", "fr-CA").cookie("portal-csrf", csrf.cookie())
                    .multiPart("csrf-token", csrf.token()).multiPart("json", json).post(page + "/import").then().statusCode(400)
                    .extract().asString();
            for (String[] entity : List.of(new String[] { "&quot;", "\"" }, new String[] { "&#39;", "'" }, new String[] { "&#x27;", "'" })) {
                answer = answer.replace(entity[0], entity[1]);
            }
            assertTrue(answer.contains(french), json + " → " + french + " in\n" + answer);
        });
    }
}
