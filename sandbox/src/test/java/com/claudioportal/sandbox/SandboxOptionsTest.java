package com.claudioportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Environment variables and --options as CONTRACTS.md and docs/claudio.md describe them. */
class SandboxOptionsTest {

    @Test
    void defaultsNeedOnlyAControlToken() {
        SandboxOptions o = SandboxOptions.parse(Map.of("SANDBOX_CONTROL_TOKEN", "t0ken"), new String[0]);
        assertEquals(8090, o.port());
        assertNull(o.publicUrl());
        assertEquals("t0ken", o.controlToken());
        assertNull(o.stateDir());
        assertEquals(Duration.ofSeconds(20), o.processingTime());
        assertEquals(Duration.ofMinutes(10), o.linkLifetime());
        assertEquals(250_000_000L, o.maxAudioBytes());
        assertFalse(o.toString().contains("t0ken"), "the token never shows in logs");
        assertFalse(o.toArguments().toString().contains("t0ken"), "nor on a command line");
    }

    @Test
    void optionsWinOverVariables() {
        SandboxOptions o = SandboxOptions.parse(Map.of("SANDBOX_PORT", "1234", "SANDBOX_CONTROL_TOKEN", "a", "SANDBOX_PROCESSING_TIME", "5s",
                "SANDBOX_STATE_DIR", "target/x"), new String[] { "--port=0", "--processing-time", "300ms", "--link-lifetime=PT2M",
                        "--public-url=https://claudio.example/sandbox", "--host", "0.0.0.0" });
        assertEquals(0, o.port());
        assertEquals(Duration.ofMillis(300), o.processingTime());
        assertEquals(Duration.ofMinutes(2), o.linkLifetime());
        assertEquals("https://claudio.example/sandbox", o.publicUrl());
        assertEquals("0.0.0.0", o.host());
        assertEquals(Path.of("target/x").toAbsolutePath(), o.stateDir());
        assertEquals(o, SandboxOptions.parse(Map.of("SANDBOX_CONTROL_TOKEN", "a"), o.toArguments().toArray(String[]::new)),
                "toArguments gives the same options back");
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(message(Map.of(), "").contains("SANDBOX_CONTROL_TOKEN"));
        assertEquals(null, SandboxOptions.parse(Map.of(), new String[] { "--no-control" }).controlToken());
        assertTrue(message(Map.of("SANDBOX_CONTROL_TOKEN", "a"), "--bogus=1").contains("Unknown option --bogus"));
        assertTrue(message(Map.of("SANDBOX_CONTROL_TOKEN", "a"), "--port=x").contains("not a number"));
        assertTrue(message(Map.of("SANDBOX_CONTROL_TOKEN", "a"), "--processing-time=soon").contains("not a duration"));
        assertTrue(message(Map.of("SANDBOX_CONTROL_TOKEN", "a"), "--public-url=claudio.example").contains("absolute"));
        assertTrue(message(Map.of("SANDBOX_CONTROL_TOKEN", "a"), "--accounts-file=/no/such/file.json").contains("does not exist"));
        assertTrue(SandboxOptions.usage().contains("SANDBOX_STATE_DIR"));
    }

    private static String message(Map<String, String> env, String arg) {
        return assertThrows(IllegalArgumentException.class, () -> SandboxOptions.parse(env, arg.isEmpty() ? new String[0] : new String[] { arg }))
                .getMessage();
    }
}
