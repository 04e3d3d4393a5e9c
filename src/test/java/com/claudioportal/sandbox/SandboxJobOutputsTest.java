package com.claudioportal.sandbox;

import static com.claudioportal.sandbox.SandboxTestKit.awaitCompleted;
import static com.claudioportal.sandbox.SandboxTestKit.download;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import jakarta.inject.Inject;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.JobDetails;
import com.claudioportal.claudio.JobStatus;
import com.claudioportal.claudio.SubmitRequest;
import com.claudioportal.claudio.SubmittedJob;
import com.claudioportal.claudio.UploadedFile;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.junit.QuarkusTest;

/** What a finished sandbox job produces, and how its links, retention mode and webhook behave. */
@QuarkusTest
class SandboxJobOutputsTest {

    @Inject
    ClaudioClient client;

    @Inject
    SandboxAccounts sandbox;

    @TempDir
    Path dir;

    @Test
    void transcriptsAreATextFileAndWordDocumentsMadeFromTheJob() throws Exception {
        ClaudioAccount account = SandboxTestKit.account(sandbox, SandboxTestKit.slug());
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "Dictation <1> & more.wav").value();
        UploadedFile loi = client.uploadDocument(account, SandboxTestKit.text(dir, "loi.txt",
                "Claimant: Jane Q. Example\nInsurer: Maple Mutual\nnot a field line\n"), "LOI.txt").value();
        SubmittedJob job = client.submit(account, request("Hip IME", audio, "00:00:00", "00:00:00", loi, "loi")).value();
        JobStatus.Completed done = awaitCompleted(client, account, job.jobReferenceId());

        Map<String, String> links = byName(done.transcriptUrls());
        assertEquals(List.of("Hip IME.docx", "Hip IME.txt", "Hip IME_LOI.docx"), links.keySet().stream().sorted().toList());
        HttpResponse<byte[]> txt = download(links.get("Hip IME.txt"));
        assertTrue(txt.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(txt.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''Hip%20IME.txt"));
        String text = new String(txt.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("Job: Hip IME") && text.contains("Medical Specialist: Dr. B. Example")
                && text.contains("Dictation <1> & more.wav") && text.contains("Claimant: Jane Q. Example (from LOI.txt)")
                && text.contains("This report was dictated by Dr. B. Example."), text);

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(download(links.get("Hip IME.docx")).body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String words = extractor.getText();
            assertTrue(words.startsWith("Hip IME"));
            assertTrue(words.contains("Medical Specialist: Dr. B. Example") && words.contains("Dictation <1> & more.wav"), words);
            assertEquals("Hip IME", docx.getProperties().getCoreProperties().getTitle());
        }
        try (XWPFDocument loiDocx = new XWPFDocument(new ByteArrayInputStream(download(links.get("Hip IME_LOI.docx")).body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(loiDocx)) {
            assertTrue(extractor.getText().contains("Insurer: Maple Mutual"), extractor.getText());
        }
        assertEquals(List.of(Map.of("key", "claimant", "label", "Claimant", "value", "Jane Q. Example", "source", "LOI.txt"),
                Map.of("key", "insurer", "label", "Insurer", "value", "Maple Mutual", "source", "LOI.txt")), done.extractedFields());
    }

    @Test
    void aBinaryAttachmentContributesItsNameAndSize() throws IOException {
        ClaudioAccount account = SandboxTestKit.account(sandbox, SandboxTestKit.slug());
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "a.wav").value();
        byte[] pdf = "%PDF-1.4 not much of a pdf".getBytes(StandardCharsets.US_ASCII);
        UploadedFile report = client.uploadDocument(account, Files.write(dir.resolve("r.pdf"), pdf), "Prior report.pdf").value();
        SubmittedJob job = client.submit(account, request("Binary", audio, "00:00:00", "00:00:00", report, "medical_records")).value();
        JobStatus.Completed done = awaitCompleted(client, account, job.jobReferenceId());
        assertEquals(List.of(Map.of("key", "document", "label", "Document", "value", "Prior report.pdf (" + pdf.length + " bytes)",
                "source", "Prior report.pdf")), done.extractedFields());
        assertEquals(2, done.transcriptUrls().size(), "no _LOI.docx without a letter of instruction");
    }

    @Test
    void wavMediaIsReallyTrimmedAndOtherContainersComeBackWhole() throws Exception {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        UploadedFile wav = client.uploadAudio(account, SandboxTestKit.wav(dir, "three.wav", 3), "three seconds.wav").value();
        SubmittedJob job = client.submit(account, request("Trim", wav, "00:00:01", "00:00:02", null, null)).value();
        JobStatus.Completed done = awaitCompleted(client, account, job.jobReferenceId());
        byte[] media = download(done.mediaFiles().get(0)).body();
        try (AudioInputStream trimmed = AudioSystem.getAudioInputStream(new ByteArrayInputStream(media))) {
            assertEquals(8000, trimmed.getFrameLength(), "one second at 8 kHz");
        }
        assertTrue(done.mediaFiles().get(0).endsWith("/three%20seconds_trimmed.wav"));
        JobDetails details = client.details(account, job.jobReferenceId()).value();
        assertEquals(1.0, details.totalAudioLengthSeconds());

        byte[] mp3 = new byte[4096];
        new Random(7).nextBytes(mp3);
        UploadedFile other = client.uploadAudio(account, Files.write(dir.resolve("x.mp3"), mp3), "phone.mp3").value();
        SubmittedJob second = client.submit(account, request("Whole", other, "00:00:01", "00:00:02", null, null)).value();
        JobStatus.Completed whole = awaitCompleted(client, account, second.jobReferenceId());
        assertArrayEquals(mp3, download(whole.mediaFiles().get(0)).body());
        SandboxJob recorded = sandbox.job(second.jobReferenceId()).orElseThrow();
        String detail = recorded.outputs().stream().filter(o -> o.role().equals("MEDIA")).findFirst().orElseThrow().detail();
        assertTrue(detail.contains("not trimmed") && detail.contains("requested 00:00:01 to 00:00:02"), detail);
        assertEquals("00:00:01", recorded.inputs().get(0).audioStart());
        assertEquals(null, client.details(account, second.jobReferenceId()).value().totalAudioLengthSeconds(), "length unknown");
    }

    @Test
    void linksExpireAndEveryPollIssuesFreshOnes() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        sandbox.setLinkLifetime(slug, Duration.ofMillis(1000));
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "a.wav").value();
        SubmittedJob job = client.submit(account, request("Expiring", audio, "00:00:00", "00:00:00", null, null)).value();
        String link = awaitCompleted(client, account, job.jobReferenceId()).transcriptUrls().get(0);
        assertEquals(200, download(link).statusCode());

        SandboxTestKit.sleep(1300);
        HttpResponse<byte[]> expired = download(link);
        assertEquals(403, expired.statusCode());
        assertTrue(new String(expired.body(), StandardCharsets.UTF_8).contains("<Message>Request has expired</Message>"));

        String fresh = ((JobStatus.Completed) client.poll(account, job.jobReferenceId(), null).value()).transcriptUrls().get(0);
        assertFalse(fresh.equals(link));
        assertEquals(200, download(fresh).statusCode());
        String tampered = fresh.replaceFirst("/files/([A-Za-z0-9_-]+)\\.", "/files/$1x.");
        assertEquals(403, download(tampered).statusCode());
        String otherAccount = fresh.replace("/" + slug + "/", "/" + SandboxTestKit.slug() + "/");
        assertEquals(404, download(otherAccount).statusCode());
    }

    @Test
    void inRetentionModeATranscriptLinkServesADeletedNoticePdf() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "a.wav").value();
        SubmittedJob job = client.submit(account, request("Retained", audio, "00:00:00", "00:00:00", null, null)).value();
        JobStatus.Completed done = awaitCompleted(client, account, job.jobReferenceId());
        sandbox.setRetention(slug, true);

        HttpResponse<byte[]> pdf = download(done.transcriptUrls().get(0));
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertValidPdf(pdf.body());
        assertTrue(new String(pdf.body(), StandardCharsets.ISO_8859_1).contains("(Transcript deleted)"));
        HttpResponse<byte[]> media = download(done.mediaFiles().get(0));
        assertEquals("audio/wav", media.headers().firstValue("Content-Type").orElse(""), "only transcripts are replaced");
    }

    @Test
    void theWebhookIsNotifiedOnceWhenTheJobCompletesWithoutAnyPoll() throws IOException {
        WireMockServer hooks = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        hooks.start();
        try {
            hooks.stubFor(post("/hooks/tenant-secret-123").willReturn(aResponse().withStatus(204)));
            String slug = SandboxTestKit.slug();
            ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
            sandbox.setWebhookUrl(slug, "http://localhost:" + hooks.port() + "/hooks/tenant-secret-123");
            UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "a.wav").value();
            SubmittedJob job = client.submit(account, request("Hooked", audio, "00:00:00", "00:00:00", null, null)).value();
            assertTrue(job.webhookConfirmed());

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (hooks.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
                SandboxTestKit.sleep(100);
            }
            SandboxTestKit.sleep(2500);
            hooks.verify(1, postRequestedFor(urlEqualTo("/hooks/tenant-secret-123"))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(matchingJsonPath("$.event", equalTo("job.completed")))
                    .withRequestBody(matchingJsonPath("$.job_reference_id", equalTo(job.jobReferenceId())))
                    .withRequestBody(matchingJsonPath("$.job_name", equalTo("Hooked")))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("completed"))));
            SandboxJob notified = sandbox.job(job.jobReferenceId()).orElseThrow();
            assertTrue(notified.completed(), "completed by the scheduler, nobody polled");
            assertEquals("HTTP 204", notified.webhookResult());
        } finally {
            hooks.stop();
        }
    }

    @Test
    void submitValidatesTrimTimesAndIsRawLikeTheDocsDescribeThem() throws IOException {
        String slug = SandboxTestKit.slug();
        ClaudioAccount account = SandboxTestKit.account(sandbox, slug);
        UploadedFile audio = client.uploadAudio(account, SandboxTestKit.wav(dir, "a.wav", 1), "a.wav").value();
        String submit = "/sandbox/claudio/" + slug + "/jobs/submit";
        String credentials = "\"key\":\"" + account.apiKey() + "\",\"secret\":\"" + account.apiSecret() + "\"";
        String audioEntry = "\"audio_files\":[{\"audio_filename\":\"a.wav\",\"audio_location\":\"" + audio.url() + "\",";
        given().contentType("application/json").body("{" + credentials + ",\"is_raw\":\"0\"," + audioEntry
                + "\"audio_start\":\"0:01\",\"audio_end\":\"00:00:02\"}]}").post(submit)
                .then().statusCode(400).body("msg", containsString("HH:MM:SS"));
        given().contentType("application/json").body("{" + credentials + ",\"is_raw\":\"0\"," + audioEntry
                + "\"audio_start\":\"00:00:05\",\"audio_end\":\"00:00:02\"}]}").post(submit)
                .then().statusCode(400).body("msg", containsString("after audio_start"));
        given().contentType("application/json").body("{" + credentials + ",\"is_raw\":\"yes please\"," + audioEntry
                + "\"audio_start\":\"00:00:00\",\"audio_end\":\"00:00:00\"}]}").post(submit)
                .then().statusCode(400).body("msg", containsString("is_raw"));
        given().contentType("application/json").body("not json").post(submit).then().statusCode(400);
        String reference = given().contentType("application/json").body("{" + credentials + ",\"is_raw\":1," + audioEntry
                + "\"audio_start\":\"00:00:00\",\"audio_end\":\"00:00:00\"}]}").post(submit)
                .then().statusCode(200).extract().path("job_reference_id");
        assertTrue(sandbox.job(reference).orElseThrow().raw(), "an integer 1 is accepted too");
        assertFalse(sandbox.job(reference).orElseThrow().jobData().iterator().hasNext());
    }

    static SubmitRequest request(String jobName, UploadedFile audio, String start, String end, UploadedFile document, String docType) {
        return new SubmitRequest("70L34P7896Q97U81", "12M78H7656325X96R99", false, "IME with Structura Doc Extraction", jobName,
                List.of(new SubmitRequest.JobField("specialist_name", "Medical Specialist", "string", "string",
                        "Approved Medical Specialist name", "Dr. B. Example")),
                List.of(new SubmitRequest.AudioFile(null, audio.url(), start, end)),
                document == null ? List.of() : List.of(new SubmitRequest.Attachment(null, docType, document.url())));
    }

    private static Map<String, String> byName(List<String> urls) {
        return urls.stream().collect(java.util.stream.Collectors.toMap(
                u -> java.net.URLDecoder.decode(u.substring(u.lastIndexOf('/') + 1), StandardCharsets.UTF_8), u -> u));
    }

    /** Checks the PDF header, trailer and that every cross-reference offset points at its object. */
    static void assertValidPdf(byte[] bytes) {
        String pdf = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-1."));
        assertTrue(pdf.stripTrailing().endsWith("%%EOF"));
        Matcher startxref = Pattern.compile("startxref\\s+(\\d+)").matcher(pdf);
        assertTrue(startxref.find());
        int xref = Integer.parseInt(startxref.group(1));
        assertTrue(pdf.startsWith("xref", xref));
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n").matcher(pdf.substring(xref));
        int object = 1;
        while (entries.find()) {
            assertTrue(pdf.startsWith(object + " 0 obj", Integer.parseInt(entries.group(1))), "object " + object);
            object++;
        }
        assertTrue(object > 4, "a catalog, pages, a page, a font and content");
    }
}
