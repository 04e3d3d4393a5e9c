package com.claudioportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.TestFiles;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadConfig;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.upload.UploadService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile input, everywhere a person (or a script posing as one) can type, paste, upload or
 * hand-write a URL: every case is refused with a message in words, or handled, and nothing is
 * stored or changed. The rows of both tenants (all tables but the audit log, which records
 * refusals on purpose) and the files in the upload storage are compared before and after each case.
 */
@QuarkusTest
class HostileInputTest extends TenantTestBase {

    static final String ADMIN = "hostile-admin@hostile.test";

    /** The two tenants and their records, made once for the class. */
    record World(String a, String b, long profileVersionA, String ownUpload, long profileB, long profileVersionB, long presetB,
            String uploadB, String documentB, long memberB) {
    }

    /** One hostile request, what it must be answered with, and a few words that must be on the answer. */
    record Case(String name, Function<HostileInputTest, Object> request, int status, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static World world;

    @Inject
    UploadService uploads;

    @Inject
    UploadConfig uploadConfig;

    @Inject
    EntityManager em;

    @BeforeEach
    void twoTenants() {
        if (world != null) {
            return;
        }
        String a = fixtures.tenant("Hostile A", ADMIN);
        long profileA = fixtures.seedProfile(a);
        fixtures.preset(a, "Dr. A", Map.of("specialist_name", "Dr. A"));
        String ownUpload = fixtures.upload(a).toString();
        String b = fixtures.tenant("Hostile B", Fixtures.email("admin-b"));
        String staffB = Fixtures.email("staff-b");
        fixtures.member(b, staffB, TenantRole.STAFF);
        long profileB = fixtures.seedProfile(b);
        long presetB = fixtures.preset(b, "Dr. B", Map.of("specialist_name", "Dr. B"));
        String uploadB = fixtures.upload(b).toString();
        String documentB = scope.call(b, () -> uploads.receive(TestFiles.text("hostile-b-" + UUID.randomUUID() + ".txt",
                "Claimant: B\n"), "b.txt", UploadKind.DOCUMENT).value().id.toString());
        world = new World(a, b, version(a, profileA), ownUpload, profileB, version(b, profileB), presetB, uploadB, documentB,
                fixtures.membershipId(b, staffB));
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String long20001 = "é".repeat(20_001);
        // ---- the submit form: every field has its limit, other entries and the recordings are kept
        c.add(new Case("a field value over 20,000 characters (accented)", t -> t.submit(Map.of("f.specialist_bio", long20001)), 400,
                "Specialist Bio is too long: 20,001 characters, at most 20,000."));
        c.add(new Case("a job name over 200 characters", t -> t.submit(Map.of("jobName", "J".repeat(201))), 400,
                "The job name is too long: 201 characters, at most 200."));
        c.add(new Case("a job name with a right-to-left override", t -> t.submit(Map.of("jobName", "Report\u202efdp.exe")), 400,
                "change the writing direction"));
        c.add(new Case("a field value with a NUL character", t -> t.submit(Map.of("f.specialist_name", "Dr.\u0000Roe")), 400,
                "invisible control characters"));
        c.add(new Case("a field value with a line break in a one-line field", t -> t.submit(Map.of("f.specialist_name", "Dr.\r\nBcc: x")),
                400, "Keep this on one line"));
        c.add(new Case("a trim that is no time", t -> t.submit(Map.of("audioStart", "99:99:99")), 400, "Write the start as HH:MM:SS"));
        c.add(new Case("a value larger than any form field (3 MB)", t -> t.submit(Map.of("f.specialist_bio", "x".repeat(3_000_000))), 413,
                "This form is too large"));
        c.add(new Case("a form body over the outer limit (5 MB)", t -> t.submit(Map.of("f.specialist_bio", "x".repeat(5_000_000))), 413,
                "This form is too large"));
        c.add(new Case("another tenant's profileVersionId", t -> t.submit(Map.of("profileVersionId", String.valueOf(world.profileVersionB()))),
                404, "Page not found"));
        c.add(new Case("a profileVersionId that is no number", t -> t.submit(Map.of("profileVersionId", "1 or 1=1")), 400,
                "reload the page"));
        c.add(new Case("another tenant's audioId", t -> t.submit(Map.of("audioId", world.uploadB())), 404, "Page not found"));
        c.add(new Case("an audioId that is a path", t -> t.submit(Map.of("audioId", "../../etc/passwd")), 404, "Page not found"));
        c.add(new Case("another tenant's documentId", t -> t.submit(Map.of("documentId", world.documentB(), "documentType", "loi")), 404,
                "Page not found"));
        c.add(new Case("another tenant's presetId", t -> t.submit(Map.of("action", "apply-preset", "presetId", String.valueOf(world.presetB()))),
                404, "Page not found"));
        c.add(new Case("a presetId that is no number", t -> t.submit(Map.of("action", "apply-preset", "presetId", "1;DROP TABLE preset")), 404,
                "Page not found"));
        c.add(new Case("another tenant's ?profile= on the new-job page", t -> t.get("/jobs/new?profile=" + world.profileB()), 404,
                "Page not found"));
        c.add(new Case("a 20-digit ?profile= on the new-job page", t -> t.get("/jobs/new?profile=99999999999999999999"), 404,
                "Page not found"));
        // ---- the job list: whatever the query string says, the list with a plain message
        c.add(new Case("a 20-digit cursor", t -> t.get("/jobs?after=99999999999999999999_1"), 200,
                "The link to older jobs was not understood"));
        c.add(new Case("a cursor far in the future", t -> t.get("/jobs?after=999999999999999999_1"), 200,
                "The link to older jobs was not understood"));
        c.add(new Case("a date at the end of time", t -> t.get("/jobs?to=%2B999999999-12-31"), 200,
                "(to) was not understood: use year-month-day"));
        c.add(new Case("a date that does not exist", t -> t.get("/jobs?from=2026-02-30"), 200, "(from) was not understood"));
        c.add(new Case("a status that does not exist", t -> t.get("/jobs?status=DROP%20TABLE%20job"), 200, "There is no status"));
        c.add(new Case("a profile filter that is no number", t -> t.get("/jobs?profile=abc"), 200, "The profile filter was not understood"));
        c.add(new Case("another tenant's profile filter", t -> t.get("/jobs?profile=" + world.profileB()), 404, "Page not found"));
        c.add(new Case("a search of 500 characters", t -> t.get("/jobs?q=" + "x".repeat(500)), 200, "Search for at most 200 characters"));
        c.add(new Case("a search with SQL wildcards", t -> t.get("/jobs?q=%25_%25%27--"), 200, "No jobs match these filters."));
        // ---- the audit log: the same for its paging link
        c.add(new Case("a 20-digit audit cursor", t -> t.get("/audit?before=99999999999999999999"), 200,
                "The link to older entries was not understood"));
        c.add(new Case("an audit cursor that is no number", t -> t.get("/audit?before=1%27%20or%201=1"), 200,
                "The link to older entries was not understood"));
        // ---- presets
        c.add(new Case("a preset value over 20,000 characters", t -> t.form("/admin/presets/new",
                Map.of("name", "Long", "valueKey", "specialist_bio", "valueText", long20001)), 400, "This is too long: 20,001 characters"));
        c.add(new Case("a preset name over 120 characters", t -> t.form("/admin/presets/new",
                Map.of("name", "N".repeat(121), "valueKey", "specialist_name", "valueText", "x")), 400, "at most 120"));
        c.add(new Case("a preset with 201 values", t -> t.form("/admin/presets/new", Map.of("name", "Many", "valueKey",
                numbered("k", 201), "valueText", numbered("v", 201))), 400, "at most 200 values"));
        c.add(new Case("another tenant's preset saved", t -> t.form("/admin/presets/" + world.presetB(),
                Map.of("name", "Stolen", "valueKey", "specialist_name", "valueText", "x")), 404, "Page not found"));
        // ---- profile import: size, depth, fields, and parser errors in words
        c.add(new Case("a pasted profile of 300,000 characters", t -> t.importJson("{\"a\":\"" + "x".repeat(300_000) + "\"}", null), 400,
                "characters long; a profile&#39;s JSON is at most 256,000"));
        c.add(new Case("a profile nested 100 levels deep", t -> t.importJson("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", null), 400,
                "nested more than 20 levels deep"));
        c.add(new Case("prose instead of JSON", t -> t.importJson("Sample Request JSON:\nkey: yourapikey", null), 400,
                "This is not JSON: line 1 starts with \u201cSample Request JSON:\u201d"));
        c.add(new Case("a profile cut off in the middle", t -> t.importJson("{\"form_id\": \"F\", \"job_data\": [", null), 400,
                "stops before it is complete"));
        c.add(new Case("a profile file over 1 MB", t -> t.importJson("", new byte[1_100_000]), 400, "larger than 1 MB"));
        c.add(new Case("a profile file that is not text", t -> t.importJson("", new byte[] { (byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28 }),
                400, "not plain text (UTF-8)"));
        c.add(new Case("a profile_id longer than Claudio's ids", t -> t.importJson("{\"form_id\":\"F\",\"profile_id\":\"" + "P".repeat(500)
                + "\",\"profile_name\":\"N\",\"job_data\":[]}", null), 400, "500 characters, at most 120"));
        c.add(new Case("a profile with 201 fields", t -> t.importJson(fields(201), null), 400, "lists 201 fields"));
        c.add(new Case("a profile edited up to 201 fields", t -> t.form("/admin/profiles/new", Map.of("displayName", "Big", "profileName", "N",
                "claudioProfileId", "P", "formId", "F", "fieldKey", numbered("k", 201), "fieldLabel", numbered("L", 201))), 400,
                "at most 200 fields"));
        c.add(new Case("a field label with a direction override", t -> t.form("/admin/profiles/new", Map.of("displayName", "Bidi",
                "profileName", "N", "claudioProfileId", "P", "formId", "F", "fieldKey", "k", "fieldLabel", "Name\u202e")), 400,
                "writing direction"));
        // ---- members
        c.add(new Case("an e-mail address of 400 characters", t -> t.form("/admin/members", Map.of("email", "a".repeat(390) + "@clinic.org",
                "role", "STAFF")), 400, "address"));
        c.add(new Case("an e-mail address with a header injection", t -> t.form("/admin/members", Map.of("email", "a@b.org\r\nBcc: x@y.org",
                "role", "STAFF")), 400, "valid e-mail address"));
        c.add(new Case("a role that does not exist", t -> t.form("/admin/members", Map.of("email", "new@clinic.org", "role", "ROOT")), 400,
                "Choose one of the listed roles."));
        c.add(new Case("another tenant's member's role", t -> t.form("/admin/members/" + world.memberB() + "/role",
                Map.of("role", "TENANT_ADMIN")), 404, "Page not found"));
        // ---- the Claudio connection (outbound calls)
        c.add(new Case("a base URL of 600 characters", t -> t.form("/admin/connection", Map.of("baseUrl", "https://claudio.example/"
                + "a".repeat(580), "apiKey", "k", "apiSecret", "s")), 400, "at most 500"));
        c.add(new Case("the cloud metadata address", t -> t.form("/admin/connection", Map.of("baseUrl", "http://169.254.169.254/latest",
                "apiKey", "k", "apiSecret", "s")), 400, "own network"));
        c.add(new Case("a loopback address not allowed", t -> t.form("/admin/connection", Map.of("baseUrl", "http://[::1]:9000/q",
                "apiKey", "k", "apiSecret", "s")), 400, "own network"));
        c.add(new Case("a base URL with a direction override", t -> t.form("/admin/connection", Map.of("baseUrl", "https://claudio.\u202eexample",
                "apiKey", "k", "apiSecret", "s")), 400, "writing direction"));
        c.add(new Case("an API key of 600 characters", t -> t.form("/admin/connection", Map.of("baseUrl", "https://93.184.216.34/x",
                "apiKey", "k".repeat(600), "apiSecret", "s")), 400, "at most 500"));
        c.add(new Case("testing an address inside the portal's network", t -> t.form("/admin/connection/test", Map.of("baseUrl",
                "http://10.0.0.7/claudio", "apiKey", "k", "apiSecret", "s")), 200, "Address unreachable."));
        // ---- CSRF and where a post comes from
        c.add(new Case("a post without the CSRF token", t -> given().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", "x").post("/t/" + world.a() + "/admin/presets/new"), 400, "This form has expired"));
        c.add(new Case("a forged CSRF token", t -> given().redirects().follow(false).accept("text/html").cookie("portal-csrf", t.pair().cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", "Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbi0xMjM0NTY")
                .formParam("name", "x").post("/t/" + world.a() + "/admin/presets/new"), 400, "This form has expired"));
        c.add(new Case("a token from another session", t -> given().redirects().follow(false).accept("text/html")
                .cookie("portal-csrf", "Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbi0xMjM0NTY").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", t.pair().token()).formParam("name", "x").post("/t/" + world.a() + "/admin/presets/new"), 400,
                "This form has expired"));
        c.add(new Case("a cross-origin post with a valid token", t -> t.csrf().header("Origin", "https://evil.example")
                .formParam("name", "Evil").formParam("valueKey", "k").formParam("valueText", "v").post("/t/" + world.a() + "/admin/presets/new"),
                403, "This form has expired"));
        c.add(new Case("a post from an opaque origin", t -> t.csrf().header("Origin", "null").formParam("name", "Evil")
                .formParam("valueKey", "k").formParam("valueText", "v").post("/t/" + world.a() + "/admin/presets/new"), 403, "This form has expired"));
        c.add(new Case("a cross-site post without Origin", t -> t.csrf().header("Sec-Fetch-Site", "cross-site").formParam("name", "Evil")
                .formParam("valueKey", "k").formParam("valueText", "v").post("/t/" + world.a() + "/admin/presets/new"), 403, "This form has expired"));
        c.add(new Case("a post from a sibling subdomain", t -> t.csrf().header("Origin", "http://evil.localhost:8081").formParam("name", "Evil")
                .formParam("valueKey", "k").formParam("valueText", "v").post("/t/" + world.a() + "/admin/presets/new"), 403, "This form has expired"));
        c.add(new Case("a cross-origin upload", t -> t.upload("AUDIO", TestFiles.wav("x-origin.wav", 1), "x.wav", Map.of("Origin",
                "https://evil.example")), 403, "The page has expired"));
        // ---- uploads: judged by content, refused in words
        c.add(new Case("an upload of an unknown kind", t -> t.upload("EVIL", TestFiles.wav("kind.wav", 1), "kind.wav", Map.of()), 400,
                "Say whether the file is a recording or a document."));
        c.add(new Case("a web page uploaded as a letter", t -> t.upload("DOCUMENT", TestFiles.text("page.txt",
                "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"), "letter.txt", Map.of()), 415,
                "is not a document the portal accepts"));
        c.add(new Case("an SVG named .pdf", t -> t.upload("DOCUMENT", TestFiles.text("image.pdf", "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "onload=\"alert(1)\"/>"), "scan.pdf", Map.of()), 415, "is not a document the portal accepts"));
        c.add(new Case("a PDF that is also a web page", t -> t.upload("DOCUMENT", TestFiles.text("poly.pdf", "%PDF-1.4\n%<html><script>x()"
                + "</script>\n%%EOF\n"), "poly.pdf", Map.of()), 415, "(it contains web page or script code)"));
        c.add(new Case("a zip named .docx", t -> t.upload("DOCUMENT", zip(), "letter.docx", Map.of()), 415, "(it is a zip archive)"));
        c.add(new Case("a PDF named .wav as a recording", t -> t.upload("AUDIO", TestFiles.pdf("fake-rec.pdf"), "dictation.wav", Map.of()), 415,
                "(it is a PDF document)"));
        c.add(new Case("an empty recording", t -> t.upload("AUDIO", TestFiles.text("empty.wav", ""), "empty.wav", Map.of()), 400, "is empty"));
        c.add(new Case("deleting another tenant's upload", t -> {
            Csrf pair = t.pair();
            return given().redirects().follow(false).cookie("portal-csrf", pair.cookie()).header("X-CSRF-TOKEN", pair.token())
                    .post("/t/" + world.a() + "/uploads/" + world.uploadB() + "/delete");
        }, 404, "Page not found"));
        c.add(new Case("a form that does not say how long it is", t -> {
            Csrf pair = t.pair();
            byte[] form = ("csrf-token=" + java.net.URLEncoder.encode(pair.token(), StandardCharsets.UTF_8) + "&name=x&valueKey=k&valueText=v")
                    .getBytes(StandardCharsets.UTF_8);
            // a body of unknown length goes out chunked, as no browser sends a form
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                    + io.restassured.RestAssured.port + "/t/" + world.a() + "/admin/presets/new"))
                    .header("Cookie", "portal-csrf=" + pair.cookie()).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form))).build();
            try {
                return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, 411, "without saying how long it is"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SignedInAs(ADMIN)
    void isRefusedInWordsAndChangesNothing(Case c) {
        given().get("/t/" + world.a()).then().statusCode(200);
        Map<String, String> before = snapshot();
        Object answer = c.request().apply(this);
        int status = answer instanceof Response r ? r.statusCode() : ((java.net.http.HttpResponse<?>) answer).statusCode();
        String body = answer instanceof Response r ? r.asString() : String.valueOf(((java.net.http.HttpResponse<?>) answer).body());
        assertEquals(c.status(), status, c.name() + ": " + excerpt(body));
        assertTrue(body.contains(c.expected()), c.name() + ": expected \u201c" + c.expected() + "\u201d in " + excerpt(body));
        assertFalse(body.contains("Exception") || body.contains("at com.") || body.contains("at io."), c.name() + ": " + excerpt(body));
        assertEquals(before, snapshot(), c.name() + " changed rows or files");
    }

    @Test
    void theSuiteIsLargeEnough() {
        assertTrue(cases().count() >= 40, "the issue asks for 40 cases or more: " + cases().count());
    }

    @Test
    @SignedInAs(ADMIN)
    void aMalformedFlashCookieNeverTurnsAPageIntoAnError() {
        for (String cookie : List.of("%E0%A4%A", "%", "success%3A%ZZ", "warning:" + "x".repeat(3000))) {
            String page = given().cookie("portal-flash", cookie).get("/t/" + world.a()).then().statusCode(200).extract().asString();
            assertFalse(page.contains("data-testid=\"flash\""), cookie);
        }
    }

    @Test
    @SignedInAs(ADMIN)
    void fileNamesThatArePathsOrSpoofedAreOnlyNames() throws IOException {
        Map<String, String> names = Map.of(
                "../../../../etc/passwd.wav", "passwd.wav",
                "..\\..\\windows\\win.ini.wav", "win.ini.wav",
                "recording\u202ev4m.exe.wav", "recordingv4m.exe.wav",
                "a\r\nContent-Type: text/html.wav", "html.wav");
        for (var e : names.entrySet()) {
            Response r = upload("AUDIO", TestFiles.wav("named-" + UUID.randomUUID() + ".wav", 1), e.getKey(), Map.of());
            assertEquals(200, r.statusCode(), e.getKey() + ": " + r.asString());
            assertTrue(r.<String> path("filename").endsWith(e.getValue()), r.<String> path("filename"));
            String id = r.path("id");
            Upload stored = scope.call(world.a(), () -> Upload.<Upload> findById(UUID.fromString(id)));
            assertEquals(world.a() + "/" + id, stored.storedPath, "stored by id under its tenant, whatever the name");
            assertFalse(stored.originalFilename.contains("/") || stored.originalFilename.contains("\\")
                    || stored.originalFilename.contains("\u202e") || stored.originalFilename.contains("\n"), stored.originalFilename);
            assertTrue(Files.exists(uploadConfig.storageDir().resolve(stored.storedPath)));
        }
        assertFalse(Files.exists(uploadConfig.storageDir().resolve("../../etc/passwd.wav").normalize()));
    }

    // ---- requests ------------------------------------------------------------------------------

    /** The submit form as the page posts it, with {@code changes} over valid values. */
    Response submit(Map<String, String> changes) {
        Map<String, Object> form = new TreeMap<>(Map.of("submissionKey", UUID.randomUUID().toString(), "profileVersionId",
                String.valueOf(world.profileVersionA()), "jobName", "Hostile job", "isRaw", "0", "action", "submit",
                "f.specialist_name", "Dr. Roe", "f.specialist_credentials", "MD", "f.specialist_bio", "Bio", "audioId", world.ownUpload(),
                "audioStart", ""));
        form.put("audioEnd", "");
        form.putAll(changes);
        return form("/jobs/new", form);
    }

    Response get(String path) {
        return given().redirects().follow(false).urlEncodingEnabled(false).accept("text/html").get("/t/" + world.a() + path);
    }

    Response form(String path, Map<String, ?> fields) {
        RequestSpecification spec = csrf();
        for (var f : fields.entrySet()) {
            spec = f.getValue() instanceof List<?> list ? spec.formParam(f.getKey(), list.toArray()) : spec.formParam(f.getKey(), f.getValue());
        }
        return spec.post("/t/" + world.a() + path);
    }

    Response importJson(String json, byte[] file) {
        Csrf pair = pair();
        RequestSpecification spec = given().redirects().follow(false).accept("text/html").cookie("portal-csrf", pair.cookie())
                .multiPart("csrf-token", pair.token()).multiPart("json", json);
        if (file != null) {
            try {
                // a file part, not a stream, so the body has a length like a browser's
                Path part = Files.write(Files.createTempFile("profile", ".json"), file);
                spec = spec.multiPart("file", part.toFile(), "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return spec.post("/t/" + world.a() + "/admin/profiles/import");
    }

    Response upload(String kind, Path file, String filename, Map<String, String> headers) {
        Csrf pair = pair();
        return given().redirects().follow(false).cookie("portal-csrf", pair.cookie()).header("X-CSRF-TOKEN", pair.token())
                .headers(headers).contentType("application/octet-stream")
                .header("X-File-Name", java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(file.toFile()).post("/t/" + world.a() + "/uploads?kind=" + kind);
    }

    record Csrf(String cookie, String token) {
    }

    Csrf pair() {
        Response page = given().get("/t/" + world.a());
        return new Csrf(page.getCookie("portal-csrf"), page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content"));
    }

    /** A form post as a browser sends it, with the CSRF pair of a page of tenant A. */
    RequestSpecification csrf() {
        Csrf pair = pair();
        return given().redirects().follow(false).accept("text/html").cookie("portal-csrf", pair.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", pair.token());
    }

    // ---- what must not change ------------------------------------------------------------------

    /**
     * A digest of every row of both tenants in every table with a tenant (the audit log aside:
     * it records refusals on purpose; a membership's last visit aside), and the files in storage.
     */
    Map<String, String> snapshot() {
        Map<String, String> state = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("select table_name from information_schema.columns where table_schema = 'public' "
                    + "and column_name = 'tenant_id' and table_name <> 'audit_event' order by 1").getResultList();
            for (String table : tables) {
                Object digest = em.createNativeQuery("select md5(coalesce(string_agg((to_jsonb(t) - 'last_seen_at')::text, '|' order by "
                        + "(to_jsonb(t) - 'last_seen_at')::text), '')) from " + table + " t where tenant_id in (:a, :b)")
                        .setParameter("a", world.a()).setParameter("b", world.b()).getSingleResult();
                state.put(table, String.valueOf(digest));
            }
            state.put("tenant", String.valueOf(em.createNativeQuery("select md5(string_agg(t::text, '|' order by t.id)) from tenant t "
                    + "where id in (:a, :b)").setParameter("a", world.a()).setParameter("b", world.b()).getSingleResult()));
        });
        Path root = uploadConfig.storageDir();
        for (Path dir : List.of(root.resolve(world.a()), root.resolve(world.b()), root.resolve(".incoming"))) {
            state.put("files " + root.relativize(dir), files(dir));
        }
        return state;
    }

    private static String files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long version(String tenant, long profileId) {
        return scope.call(tenant, () -> Profile.<Profile> findById(profileId).currentVersionId);
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(prefix + i);
        }
        return values;
    }

    private static String fields(int n) {
        StringBuilder json = new StringBuilder("{\"form_id\":\"F\",\"profile_id\":\"P\",\"profile_name\":\"N\",\"job_data\":[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\",\"ui_label\":\"L\"}");
        }
        return json.append("]}").toString();
    }

    private static Path zip() {
        try {
            Path file = Files.createTempFile("hostile", ".docx");
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
                out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
                out.write("not a letter".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String excerpt(String body) {
        int main = body.indexOf("<main");
        String s = main >= 0 ? body.substring(main) : body;
        return s.length() > 1500 ? s.substring(0, 1500) + "\u2026" : s;
    }
}
