package com.claudioportal.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** What a finished sandbox job produces, and how its links, retention mode and webhook behave. */
class SandboxJobOutputsTest {

    /** One sandbox for the class, closed after its last test. */
    @AutoClose
    static final SandboxHttp sandbox = new SandboxHttp();

    @Test
    void transcriptsAreATextFileAndWordDocumentsMadeFromTheJob() throws Exception {
        SandboxHttp.Account account = sandbox.account();
        String audio = sandbox.uploadAudio(account, "Dictation <1> & more.wav", TestTone.wav(1));
        String loi = sandbox.uploadDocument(account, "LOI.txt",
                "Claimant: Jane Q. Example\nInsurer: Maple Mutual\nnot a field line\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        String reference = sandbox.submit(account, SandboxHttp.submitBody(account, "Hip IME", audio, "00:00:00", "00:00:00", loi, "loi", false));
        JsonNode done = sandbox.awaitCompleted(account, reference);

        Map<String, String> links = byName(strings(done.path("transcript_url")));
        assertEquals(List.of("Hip IME.docx", "Hip IME.txt", "Hip IME_LOI.docx"), links.keySet().stream().sorted().toList());
        SandboxHttp.Answer txt = sandbox.get(links.get("Hip IME.txt"));
        assertTrue(txt.header("Content-Type").startsWith("text/plain"));
        assertTrue(txt.header("Content-Disposition").contains("filename*=UTF-8''Hip%20IME.txt"));
        String text = txt.text();
        assertTrue(text.contains("Job: Hip IME") && text.contains("Medical Specialist: Dr. B. Example")
                && text.contains("Dictation <1> & more.wav") && text.contains("Claimant: Jane Q. Example (from LOI.txt)")
                && text.contains("This report was dictated by Dr. B. Example."), text);

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(sandbox.get(links.get("Hip IME.docx")).body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String words = extractor.getText();
            assertTrue(words.startsWith("Hip IME"));
            assertTrue(words.contains("Medical Specialist: Dr. B. Example") && words.contains("Dictation <1> & more.wav"), words);
            assertEquals("Hip IME", docx.getProperties().getCoreProperties().getTitle());
        }
        try (XWPFDocument loiDocx = new XWPFDocument(new ByteArrayInputStream(sandbox.get(links.get("Hip IME_LOI.docx")).body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(loiDocx)) {
            assertTrue(extractor.getText().contains("Insurer: Maple Mutual"), extractor.getText());
        }
        assertEquals(List.of(Map.of("key", "claimant", "label", "Claimant", "value", "Jane Q. Example", "source", "LOI.txt"),
                Map.of("key", "insurer", "label", "Insurer", "value", "Maple Mutual", "source", "LOI.txt")),
                SandboxHttp.JSON.convertValue(done.path("extracted_fields"), List.class));
    }

    @Test
    void aBinaryAttachmentContributesItsNameAndSize() {
        SandboxHttp.Account account = sandbox.account();
        String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
        byte[] pdf = "%PDF-1.4 not much of a pdf".getBytes(StandardCharsets.US_ASCII);
        String report = sandbox.uploadDocument(account, "Prior report.pdf", pdf, "application/pdf");
        String reference = sandbox.submit(account,
                SandboxHttp.submitBody(account, "Binary", audio, "00:00:00", "00:00:00", report, "medical_records", false));
        JsonNode done = sandbox.awaitCompleted(account, reference);
        assertEquals(List.of(Map.of("key", "document", "label", "Document", "value", "Prior report.pdf (" + pdf.length + " bytes)",
                "source", "Prior report.pdf")), SandboxHttp.JSON.convertValue(done.path("extracted_fields"), List.class));
        assertEquals(2, done.path("transcript_url").size(), "no _LOI.docx without a letter of instruction");
    }

    @Test
    void wavMediaIsReallyTrimmedAndOtherContainersComeBackWhole() throws Exception {
        SandboxHttp.Account account = sandbox.account();
        String wav = sandbox.uploadAudio(account, "three seconds.wav", TestTone.wav(3));
        String reference = sandbox.submit(account, SandboxHttp.submitBody(account, "Trim", wav, "00:00:01", "00:00:02", null, null, false));
        JsonNode done = sandbox.awaitCompleted(account, reference);
        String mediaLink = done.path("media_files").get(0).asText();
        byte[] media = sandbox.get(mediaLink).body();
        try (AudioInputStream trimmed = AudioSystem.getAudioInputStream(new ByteArrayInputStream(media))) {
            assertEquals(8000, trimmed.getFrameLength(), "one second at 8 kHz");
        }
        assertTrue(mediaLink.endsWith("/three%20seconds_trimmed.wav"), mediaLink);
        assertEquals("1.0", sandbox.details(account, reference).path("job_data").path("job_info").path("total_audio_length").asText());

        byte[] mp3 = new byte[4096];
        new Random(7).nextBytes(mp3);
        String other = sandbox.uploadAudio(account, "phone.mp3", mp3);
        String second = sandbox.submit(account, SandboxHttp.submitBody(account, "Whole", other, "00:00:01", "00:00:02", null, null, false));
        JsonNode whole = sandbox.awaitCompleted(account, second);
        assertArrayEquals(mp3, sandbox.get(whole.path("media_files").get(0).asText()).body());
        JsonNode recorded = sandbox.job(second);
        String detail = "";
        for (JsonNode output : recorded.path("outputs")) {
            if (output.path("role").asText().equals("MEDIA")) {
                detail = output.path("detail").asText();
            }
        }
        assertTrue(detail.contains("not trimmed") && detail.contains("requested 00:00:01 to 00:00:02"), detail);
        assertEquals("00:00:01", recorded.path("inputs").get(0).path("audioStart").asText());
        assertTrue(sandbox.details(account, second).path("job_data").path("job_info").path("total_audio_length").isNull(), "length unknown");
    }

    @Test
    void linksExpireAndEveryPollIssuesFreshOnes() {
        SandboxHttp.Account account = sandbox.account();
        sandbox.patch(account, "{\"linkLifetimeMillis\":1000}");
        String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
        String reference = sandbox.submit(account, SandboxHttp.submitBody(account, "Expiring", audio, "00:00:00", "00:00:00", null, null, false));
        String link = sandbox.awaitCompleted(account, reference).path("transcript_url").get(0).asText();
        assertEquals(200, sandbox.get(link).status());

        SandboxHttp.sleep(1300);
        SandboxHttp.Answer expired = sandbox.get(link);
        assertEquals(403, expired.status());
        assertTrue(expired.text().contains("<Message>Request has expired</Message>"));

        String fresh = sandbox.poll(account, reference).path("transcript_url").get(0).asText();
        assertFalse(fresh.equals(link));
        assertEquals(200, sandbox.get(fresh).status());
        String tampered = fresh.replaceFirst("/files/([A-Za-z0-9_-]+)\\.", "/files/$1x.");
        assertEquals(403, sandbox.get(tampered).status());
        String otherAccount = fresh.replace("/" + account.slug() + "/", "/" + SandboxHttp.slug() + "/");
        assertEquals(404, sandbox.get(otherAccount).status());
        assertTrue(sandbox.get(otherAccount).text().contains("<Code>NoSuchKey</Code>"));
    }

    @Test
    void inRetentionModeATranscriptLinkServesADeletedNoticePdf() {
        SandboxHttp.Account account = sandbox.account();
        String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
        String reference = sandbox.submit(account, SandboxHttp.submitBody(account, "Retained", audio, "00:00:00", "00:00:00", null, null, false));
        JsonNode done = sandbox.awaitCompleted(account, reference);
        sandbox.patch(account, "{\"retention\":true}");

        SandboxHttp.Answer pdf = sandbox.get(done.path("transcript_url").get(0).asText());
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertValidPdf(pdf.body());
        assertTrue(new String(pdf.body(), StandardCharsets.ISO_8859_1).contains("(Transcript deleted)"));
        SandboxHttp.Answer media = sandbox.get(done.path("media_files").get(0).asText());
        assertEquals("audio/wav", media.header("Content-Type"), "only transcripts are replaced");
    }

    @Test
    void theWebhookIsNotifiedOnceWhenTheJobCompletesWithoutAnyPoll() {
        WireMockServer hooks = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        hooks.start();
        try {
            hooks.stubFor(post("/hooks/tenant-secret-123").willReturn(aResponse().withStatus(204)));
            SandboxHttp.Account account = sandbox.account();
            sandbox.patch(account, "{\"webhookUrl\":\"http://localhost:" + hooks.port() + "/hooks/tenant-secret-123\"}");
            String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
            SandboxHttp.Answer submitted = sandbox.post(account.baseUrl() + "/jobs/submit",
                    SandboxHttp.submitBody(account, "Hooked", audio, "00:00:00", "00:00:00", null, null, false));
            assertTrue(submitted.json().path("msg").asText().contains("Your webhook is configured successfully"));
            String reference = submitted.json().path("job_reference_id").asText();

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (hooks.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
                SandboxHttp.sleep(100);
            }
            SandboxHttp.sleep(2500);
            hooks.verify(1, postRequestedFor(urlEqualTo("/hooks/tenant-secret-123"))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withHeader("User-Agent", equalTo("claudio-sandbox"))
                    .withRequestBody(matchingJsonPath("$.event", equalTo("job.completed")))
                    .withRequestBody(matchingJsonPath("$.job_reference_id", equalTo(reference)))
                    .withRequestBody(matchingJsonPath("$.job_name", equalTo("Hooked")))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("completed"))));
            JsonNode notified = sandbox.job(reference);
            assertEquals("COMPLETED", notified.path("status").asText(), "completed by its timer, nobody polled");
            assertEquals(0, notified.path("polls").asInt());
            assertEquals("HTTP 204", notified.path("webhookResult").asText());
        } finally {
            hooks.stop();
        }
    }

    @Test
    void submitValidatesTrimTimesAndIsRawLikeTheDocsDescribeThem() {
        SandboxHttp.Account account = sandbox.account();
        String audio = sandbox.uploadAudio(account, "a.wav", TestTone.wav(1));
        String submit = account.baseUrl() + "/jobs/submit";
        String audioEntry = "\"audio_files\":[{\"audio_filename\":\"a.wav\",\"audio_location\":\"" + audio + "\",";
        SandboxHttp.Answer badTime = sandbox.post(submit, "{" + account.credentials() + ",\"is_raw\":\"0\"," + audioEntry
                + "\"audio_start\":\"0:01\",\"audio_end\":\"00:00:02\"}]}");
        assertEquals(400, badTime.status());
        assertTrue(badTime.json().path("msg").asText().contains("HH:MM:SS"));
        SandboxHttp.Answer backwards = sandbox.post(submit, "{" + account.credentials() + ",\"is_raw\":\"0\"," + audioEntry
                + "\"audio_start\":\"00:00:05\",\"audio_end\":\"00:00:02\"}]}");
        assertEquals(400, backwards.status());
        assertTrue(backwards.json().path("msg").asText().contains("after audio_start"));
        SandboxHttp.Answer raw = sandbox.post(submit, "{" + account.credentials() + ",\"is_raw\":\"yes please\"," + audioEntry
                + "\"audio_start\":\"00:00:00\",\"audio_end\":\"00:00:00\"}]}");
        assertEquals(400, raw.status());
        assertTrue(raw.json().path("msg").asText().contains("is_raw"));
        assertEquals(400, sandbox.post(submit, "not json").status());
        SandboxHttp.Answer ok = sandbox.post(submit, "{" + account.credentials() + ",\"is_raw\":1," + audioEntry
                + "\"audio_start\":\"00:00:00\",\"audio_end\":\"00:00:00\"}]}");
        assertEquals(200, ok.status());
        JsonNode job = sandbox.job(ok.json().path("job_reference_id").asText());
        assertTrue(job.path("raw").asBoolean(), "an integer 1 is accepted too");
        assertEquals(0, job.path("jobData").size());
    }

    @Test
    void uploadsAboveTheLimitAreRefusedAndNotKept() {
        try (SandboxHttp small = new SandboxHttp(SandboxOptions.forTests("x").withMaxAudioBytes(10_000))) {
            SandboxHttp.Account account = small.account();
            SandboxHttp.Answer big = small.upload(account, "/audio/upload", "big.wav", new byte[20_000], "audio/wav");
            assertEquals(400, big.status());
            assertTrue(big.json().path("msg").asText().contains("exceeds the"), big.text());
            assertEquals(0, small.control("GET", "/control/accounts/" + account.slug() + "/uploads", null, 200).path("uploads").size());
            assertEquals(200, small.upload(account, "/audio/upload", "small.wav", new byte[5_000], "audio/wav").status());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> byName(List<String> urls) {
        return urls.stream().collect(Collectors.toMap(u -> URLDecoder.decode(u.substring(u.lastIndexOf('/') + 1), StandardCharsets.UTF_8),
                u -> u));
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
