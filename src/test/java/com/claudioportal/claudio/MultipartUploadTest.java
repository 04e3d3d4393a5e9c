package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartUploadTest {

    @TempDir
    Path dir;

    @Test
    void theDeclaredLengthIsExactlyWhatIsSent() throws Exception {
        Path file = Files.write(dir.resolve("f.tmp"), new byte[1234]);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "k\u00e9y");
        fields.put("secret", "s");
        MultipartUpload upload = new MultipartUpload(fields, "file", "Ärztebrief \"2\".pdf", "application/pdf", file, 1234);
        assertEquals(upload.head().length + 1234 + upload.tail().length, upload.contentLength());
        String head = new String(upload.head(), StandardCharsets.UTF_8);
        assertTrue(head.indexOf("name=\"key\"") < head.indexOf("name=\"secret\""), "fields in the given order");
        assertTrue(head.contains("filename=\"Ärztebrief %222%22.pdf\""));
        String boundary = upload.contentType().substring(upload.contentType().indexOf("boundary=") + 9);
        assertTrue(head.startsWith("--" + boundary + "\r\n"));
        assertEquals("\r\n--" + boundary + "--\r\n", new String(upload.tail(), StandardCharsets.UTF_8));
    }

    @Test
    void lineBreaksCannotInjectHeaders() {
        assertEquals("a%0D%0AContent-Type: x", MultipartUpload.quoted("a\r\nContent-Type: x"));
    }

    @Test
    void thePartIsNamedAfterTheOriginalFileWithoutItsFolder() {
        Path temp = Path.of("/tmp/upload-123.tmp");
        assertEquals("dictation.wav", PartNames.filename("C:\\Users\\dr\\dictation.wav", temp));
        assertEquals("dictation.wav", PartNames.filename("/home/dr/dictation.wav", temp));
        assertEquals("upload-123.tmp", PartNames.filename("  ", temp));
        assertEquals("audio/mpeg", PartNames.mediaType("a.MP3"));
        assertEquals("application/octet-stream", PartNames.mediaType("a.unknown"));
    }
}
