package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * With a state directory the sandbox keeps accounts, files and jobs across a restart (a demo
 * restarted keeps its jobs, which complete after it); the runnable prints its ready line, reads
 * an accounts file and answers /health.
 */
class SandboxStateTest {

    @TempDir
    Path dir;

    @Test
    void accountsFilesAndJobsSurviveARestart() {
        SandboxOptions options = SandboxOptions.forTests("x").withStateDir(dir).withProcessingTime(Duration.ofSeconds(2));
        SandboxHttp.Account account;
        String done;
        String pending;
        String link;
        try (SandboxHttp first = new SandboxHttp(options)) {
            account = first.account();
            first.patch(account, "{\"processingMillis\":200}");
            String audio = first.uploadAudio(account, "kept.wav", TestTone.wav(1));
            done = first.submit(account, SandboxHttp.submitBody(account, "Done before", audio, "00:00:00", "00:00:00", null, null, false));
            link = first.awaitCompleted(account, done).path("transcript_url").get(1).asText();
            first.patch(account, "{\"processingMillis\":1500}");
            pending = first.submit(account, SandboxHttp.submitBody(account, "Done after", audio, "00:00:00", "00:00:00", null, null, false));
        }
        assertTrue(Files.isRegularFile(dir.resolve("state.json")));
        try (SandboxHttp second = new SandboxHttp(options.withPort(0))) {
            SandboxHttp.Account again = new SandboxHttp.Account(account.slug(), second.url() + "/claudio/" + account.slug(), account.key(),
                    account.secret());
            assertEquals(1500, second.control("GET", "/control/accounts/" + account.slug(), null, 200).path("processingMillis").asInt());
            JsonNode before = second.poll(again, done);
            String fresh = before.path("transcript_url").get(1).asText();
            assertTrue(fresh.endsWith(".txt"), fresh);
            SandboxHttp.Answer text = second.get(fresh);
            assertTrue(text.text().contains("Job: Done before"), text.status() + " " + text.text());
            assertEquals(link.substring(link.lastIndexOf('/')), fresh.substring(fresh.lastIndexOf('/')));
            JsonNode after = second.awaitCompleted(again, pending);
            assertEquals(2, after.path("transcript_url").size());
            assertEquals("kept.wav", second.control("GET", "/control/accounts/" + account.slug() + "/uploads", null, 200)
                    .path("uploads").get(0).path("filename").asText());
        }
    }

    @Test
    void theRunnableStartsFromItsMainClassWithAnAccountsFile() throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.json"),
                "[{\"slug\":\"clinic\",\"apiKey\":\"clinic-key\",\"apiSecret\":\"clinic-secret\",\"processingMillis\":100}]");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SandboxMain.class.getName(), "--port=0", "--accounts-file=" + accounts));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SANDBOX_CONTROL_TOKEN", "process-token");
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            for (String line; url == null && (line = out.readLine()) != null;) {
                if (line.startsWith("Claudio sandbox listening on ")) {
                    url = line.substring("Claudio sandbox listening on ".length());
                }
            }
            assertTrue(url != null && url.matches("http://localhost:\\d+"), String.valueOf(url));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
            var poll = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/claudio/clinic/jobs/X/poll"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"key\":\"clinic-key\",\"secret\":\"clinic-secret\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, poll.statusCode(), "the account from the file accepts its key (the job is unknown): " + poll.body());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        }
        Process refused = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SandboxMain.class.getName(), "--port=0").redirectErrorStream(true).start();
        String said = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, refused.exitValue(), said);
        assertTrue(said.contains("SANDBOX_CONTROL_TOKEN"), said);
    }
}
