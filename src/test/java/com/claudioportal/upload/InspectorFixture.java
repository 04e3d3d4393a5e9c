package com.claudioportal.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The content inspector as the plain unit tests of uploads use it. */
final class InspectorFixture {

    private InspectorFixture() {
    }

    /** An inspector with the portal's default limits and types, without Quarkus. */
    static ContentInspector inspector() {
        ContentInspector inspector = new ContentInspector();
        inspector.config = new UploadConfig() {
            public Path storageDir() {
                return Path.of("target");
            }

            public long maxAudioBytes() {
                return 250_000_000L;
            }

            public long maxDocumentBytes() {
                return 50_000_000L;
            }

            public List<String> audioTypes() {
                return List.of("audio/mpeg", "audio/wav", "audio/vnd.wave", "audio/x-wav", "video/mp4");
            }

            public List<String> documentTypes() {
                return List.of("application/pdf", "application/msword", DocumentContainers.DOCX, "application/rtf", "text/rtf",
                        DocumentContainers.ODT, "text/plain");
            }

            public Duration abandonedAfter() {
                return Duration.ofHours(24);
            }

            public int maxConcurrentPerUser() {
                return 4;
            }

            public long tenantQuotaBytes() {
                return Long.MAX_VALUE;
            }

            public long minBytesPerSecond() {
                return 0;
            }

            public Duration rateWindow() {
                return Duration.ofMinutes(1);
            }

            public Duration orphanAfter() {
                return Duration.ofHours(6);
            }
        };
        return inspector;
    }
}
