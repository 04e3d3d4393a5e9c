package com.claudioportal.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.infra.TestRecordings;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@SignedInAs(UploadResourceTest.STAFF)
class UploadResourceTest extends TenantTestBase {

    static final String STAFF = "staff@uploads.test";

    @Inject
    UploadStorage storage;

    String tenant;

    @BeforeEach
    void tenant() {
        tenant = fixtures.tenantWithMember("Upload Clinic", STAFF, TenantRole.STAFF);
    }

    @Test
    void acceptsARecordingByItsContentAndKnowsTheLengthOfAWav() {
        Response r = upload("AUDIO", TestFiles.wav("dictation.wav", 3), "dictation.wav");
        r.then().statusCode(200).body("filename", equalTo("dictation.wav")).body("kind", equalTo("AUDIO"))
                .body("contentType", equalTo("audio/vnd.wave")).body("durationSeconds", equalTo(3.0f));
        Upload stored = scope.call(tenant, () -> Upload.<Upload> findById(UUID.fromString(r.path("id"))));
        assertTrue(Files.exists(storage.resolve(stored.storedPath)));
        assertFalse(stored.storedPath.contains("dictation"), "stored by id, not by the user's file name");
    }

    @Test
    void listensToEachRecordingAndWarnsAboutASilentOneWithoutRefusingIt() {
        Response silent = upload("AUDIO", TestRecordings.make("upload-silent", TestRecordings.Format.WEBM, 0, 8), "Dictée muette.webm");
        silent.then().statusCode(200).body("soundNote", equalTo("This recording seems to be silent."));
        assertEquals(8.0, silent.<Float> path("durationSeconds"), 0.2);
        Upload stored = scope.call(tenant, () -> Upload.<Upload> findById(UUID.fromString(silent.path("id"))));
        assertEquals(Boolean.TRUE, stored.mostlySilent);
        assertTrue(stored.silenceRatio > 0.9, "silence " + stored.silenceRatio);

        // an MP3's length, which the JDK alone could not read
        Response spoken = upload("AUDIO", TestRecordings.make("upload-tone", TestRecordings.Format.MP3, 5, 0), "dictation.mp3");
        spoken.then().statusCode(200).body("soundNote", org.hamcrest.Matchers.nullValue());
        assertEquals(5.0, spoken.<Float> path("durationSeconds"), 0.2);
        assertEquals(Boolean.FALSE, scope.call(tenant, () -> Upload.<Upload> findById(UUID.fromString(spoken.path("id"))).mostlySilent));
    }

    @Test
    void refusesAFileWhoseContentIsNotWhatItsNameSays() {
        upload("AUDIO", TestFiles.pdf("letter.pdf"), "interview.mp3").then().statusCode(415)
                .body("error", containsString("\u201cinterview.mp3\u201d is not an audio or video recording (it is a PDF document)"));
        upload("DOCUMENT", TestFiles.wav("fake.wav", 1), "instructions.pdf").then().statusCode(415)
                .body("error", containsString("is not a document the portal accepts"));
        upload("DOCUMENT", TestFiles.pdf("loi.pdf"), "loi.pdf").then().statusCode(200).body("contentType", equalTo("application/pdf"));
        // "Key: value" lines look like an e-mail to Tika; an e-mail is a kind of text, so it passes as text
        upload("DOCUMENT", TestFiles.text("letter.txt", "Claimant: J. Doe\nInsurer: Acme\n"), "letter.txt").then().statusCode(200);
        upload("AUDIO", TestFiles.text("notes.txt", "Claimant: J. Doe\nInsurer: Acme\n"), "notes.wav").then().statusCode(415);
    }

    @Test
    void refusesAFileOverTheLimitWithTheLimitInWords() {
        Path big = TestFiles.sparse("big.pdf", 51_000_000);
        upload("DOCUMENT", big, "big.pdf").then().statusCode(413)
                .body("error", equalTo("\u201cbig.pdf\u201d is 51 MB; a document can be at most 50 MB."));
    }

    @Test
    void theScriptShowsTheRefusalsOfAMalformedUploadInTheReadersLanguage() {
        Path file = TestFiles.wav("kindless.wav", 1);
        withCsrf().header("Accept-Language", "fr-CA").contentType("application/octet-stream").body(file.toFile())
                .post("/t/" + tenant + "/uploads?kind=EVIL").then().statusCode(400)
                .body("error", equalTo("Indiquez si le fichier est un enregistrement ou un document."));
        withCsrf().header("Accept-Language", "en-CA").contentType("application/octet-stream").body(file.toFile())
                .post("/t/" + tenant + "/uploads?kind=EVIL").then().statusCode(400)
                .body("error", equalTo("Say whether the file is a recording or a document."));
        withCsrf().header("Accept-Language", "fr-CA").contentType("text/plain").body("not a file")
                .post("/t/" + tenant + "/uploads?kind=AUDIO").then().statusCode(415)
                .body("error", equalTo("Envoyez le fichier lui-même comme corps de la requête."));
        withCsrf().contentType("text/plain").body("not a file").post("/t/" + tenant + "/uploads?kind=AUDIO").then().statusCode(415)
                .body("error", equalTo("Send the file itself as the request body."));
        assertEquals(0L, (long) scope.call(tenant, () -> Upload.count()), "nothing was stored");
    }

    @Test
    void sanitisesFileNames() {
        upload("AUDIO", TestFiles.wav("x.wav", 1), "..\\..\\etc/pass\u0007wd<1>.wav").then().statusCode(200)
                .body("filename", equalTo("pass_wd_1_.wav"));
        assertEquals("file", Filenames.sanitize("../.."));
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws java.io.IOException {
        String expired = "The page has expired. Reload it and try again; nothing was saved.";
        given().contentType("application/octet-stream").body(TestFiles.wav("y.wav", 1).toFile())
                .post("/t/" + tenant + "/uploads?kind=AUDIO").then().statusCode(400).body("error", equalTo(expired));
        given().multiPart("file", TestFiles.wav("y2.wav", 1).toFile()).post("/t/" + tenant + "/uploads?kind=AUDIO")
                .then().statusCode(400).body("error", equalTo(expired));
        Response page = given().get("/t/" + tenant);
        given().cookie("portal-csrf", page.getCookie("portal-csrf")).header("X-CSRF-TOKEN", "not-the-token")
                .contentType("application/octet-stream").header("X-File-Name", "y3.wav").body(TestFiles.wav("y3.wav", 1).toFile())
                .post("/t/" + tenant + "/uploads?kind=AUDIO").then().statusCode(400).body("error", equalTo(expired));
        // the script shows the error to the person: in French on a French page
        given().header("Accept-Language", "fr").contentType("application/octet-stream").body(TestFiles.wav("y4.wav", 1).toFile())
                .post("/t/" + tenant + "/uploads?kind=AUDIO").then().statusCode(400)
                .body("error", equalTo("La page a expiré. Rechargez-la et réessayez ; rien n'a été enregistré."));
        assertEquals(0L, (long) scope.call(tenant, () -> Upload.count()), "no upload was stored");
        Path tenantFiles = storage.resolve(tenant);
        assertFalse(Files.exists(tenantFiles) && Files.list(tenantFiles).findAny().isPresent(), "no file was kept");
        // the positive control: with the token the same upload is taken
        upload("AUDIO", TestFiles.wav("y4.wav", 1), "y4.wav").then().statusCode(200);
        assertEquals(1L, (long) scope.call(tenant, () -> Upload.count()));
    }

    @Test
    void recordingsStreamBackWithRangesForThePlayer() {
        String id = upload("AUDIO", TestFiles.wav("play.wav", 2), "play.wav").path("id");
        given().get("/t/" + tenant + "/uploads/" + id + "/media").then().statusCode(200)
                .contentType("audio/vnd.wave").header("Accept-Ranges", "bytes");
        given().header("Range", "bytes=100-199").get("/t/" + tenant + "/uploads/" + id + "/media").then().statusCode(206)
                .header("Content-Range", "bytes 100-199/32044").header("Content-Length", "100");
    }

    @Test
    void deletedUploadsLeaveNoFile() {
        String id = upload("AUDIO", TestFiles.wav("z.wav", 1), "z.wav").path("id");
        String stored = scope.call(tenant, () -> Upload.<Upload> findById(UUID.fromString(id)).storedPath);
        withCsrf().post("/t/" + tenant + "/uploads/" + id + "/delete").then().statusCode(200);
        assertFalse(Files.exists(storage.resolve(stored)));
    }

    /** As the submit page sends it: the file as the body, its name URL-encoded in a header. */
    Response upload(String kind, Path file, String filename) {
        return withCsrf().contentType("application/octet-stream")
                .header("X-File-Name", java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .body(file.toFile()).post("/t/" + tenant + "/uploads?kind=" + kind);
    }

    @Test
    void namesWithSpacesAndAccentsArriveIntact() {
        upload("DOCUMENT", TestFiles.text("plain.txt", "Claimant: J. Doe\n"), "Lettre d'instruction – Éloïse.txt").then()
                .statusCode(200).body("filename", equalTo("Lettre d'instruction – Éloïse.txt"));
    }

    io.restassured.specification.RequestSpecification withCsrf() {
        Response page = given().get("/t/" + tenant);
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        return given().cookie("portal-csrf", page.getCookie("portal-csrf")).header("X-CSRF-TOKEN", token);
    }

    static java.io.InputStream fileBytes(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
