package com.claudioportal.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a sandbox is started. Read from environment variables ({@code SANDBOX_PORT} …) and the
 * equivalent options ({@code --port=…} or {@code --port …}); an option wins over its variable.
 * Every setting is listed with its default in docs/claudio.md ("Running the sandbox").
 *
 * @param port             0 = any free port (the ready line tells which)
 * @param publicUrl        how callers reach the sandbox; null = http://localhost:&lt;actual port&gt;
 * @param controlToken     bearer token of /control; null only with {@code noControl}
 * @param stateDir         uploaded and generated files and the state snapshot; null = memory (files in a temporary directory)
 * @param accountsFile     JSON accounts created (or updated) at start; may be null
 * @param linkSigningKey   HMAC key of download links; null = random per start
 */
public record SandboxOptions(int port, String host, String publicUrl, String controlToken, boolean noControl, Path stateDir,
        Path accountsFile, Duration processingTime, Duration linkLifetime, long maxAudioBytes, long maxDocumentBytes,
        String linkSigningKey, Duration webhookTimeout, String submitPath, String uploadAudioPath, String uploadDocumentPath) {

    /** Every option: its name, environment variable, default and meaning; {@code --help} prints them. */
    static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        option("port", "SANDBOX_PORT", "8090", "port to listen on; 0 = any free port");
        option("host", "SANDBOX_HOST", "0.0.0.0 in a container, else 127.0.0.1", "address to listen on");
        option("public-url", "SANDBOX_PUBLIC_URL", "http://localhost:<port>", "how callers reach the sandbox (base of every URL it hands out)");
        option("control-token", "SANDBOX_CONTROL_TOKEN", "(required)", "bearer token of the control API under /control");
        option("no-control", "SANDBOX_NO_CONTROL", "false", "serve no control API (then no token is needed)");
        option("state-dir", "SANDBOX_STATE_DIR", "(memory only)", "keeps uploaded and generated files and the accounts and jobs across restarts");
        option("accounts-file", "SANDBOX_ACCOUNTS_FILE", "(none)", "JSON file of accounts to create or update at start");
        option("processing-time", "SANDBOX_PROCESSING_TIME", "20s", "processing time of accounts created without one");
        option("link-lifetime", "SANDBOX_LINK_LIFETIME", "10m", "lifetime of download links (accounts may override)");
        option("max-audio-bytes", "SANDBOX_MAX_AUDIO_BYTES", "250000000", "largest audio upload (Claudio documents 250 MB)");
        option("max-document-bytes", "SANDBOX_MAX_DOCUMENT_BYTES", "250000000", "largest document upload (undocumented; as audio)");
        option("link-signing-key", "SANDBOX_LINK_SIGNING_KEY", "(random per start)", "HMAC key of download links");
        option("webhook-timeout", "SANDBOX_WEBHOOK_TIMEOUT", "5s", "time allowed for a webhook notification");
        option("submit-path", "SANDBOX_SUBMIT_PATH", "/jobs/submit", "Submit Job path below a base URL");
        option("upload-audio-path", "SANDBOX_UPLOAD_AUDIO_PATH", "/audio/upload", "Upload Audio path below a base URL");
        option("upload-document-path", "SANDBOX_UPLOAD_DOCUMENT_PATH", "/documents/upload", "Upload Document path below a base URL");
    }

    private static void option(String name, String variable, String defaultValue, String meaning) {
        OPTIONS.put(name, new String[] { variable, defaultValue, meaning });
    }

    /** Defaults, listening on any free port of 127.0.0.1, everything in memory: what tests start with. */
    public static SandboxOptions forTests(String controlToken) {
        return new SandboxOptions(0, "127.0.0.1", null, controlToken, false, null, null, Duration.ofSeconds(20), Duration.ofMinutes(10),
                250_000_000L, 250_000_000L, null, Duration.ofSeconds(5), "/jobs/submit", "/audio/upload", "/documents/upload");
    }

    public SandboxOptions withPort(int value) {
        return with(d -> d.port = value);
    }

    public SandboxOptions withStateDir(Path value) {
        return with(d -> d.stateDir = value);
    }

    public SandboxOptions withProcessingTime(Duration value) {
        return with(d -> d.processingTime = value);
    }

    public SandboxOptions withMaxAudioBytes(long value) {
        return with(d -> d.maxAudioBytes = value);
    }

    public SandboxOptions withAccountsFile(Path value) {
        return with(d -> d.accountsFile = value);
    }

    /** These options with the control API served, behind {@code token}. */
    public SandboxOptions withControl(String token) {
        return with(d -> {
            d.controlToken = token;
            d.noControl = false;
        });
    }

    /** These options with what {@code change} sets on a copy of them. */
    private SandboxOptions with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.options();
    }

    /** A copy of the options whose fields the withers can set (a record's are final); the others stay as they were. */
    private static final class Draft {
        int port;
        String controlToken;
        boolean noControl;
        Path stateDir;
        Path accountsFile;
        Duration processingTime;
        long maxAudioBytes;
        private final SandboxOptions from;

        Draft(SandboxOptions from) {
            this.from = from;
            port = from.port;
            controlToken = from.controlToken;
            noControl = from.noControl;
            stateDir = from.stateDir;
            accountsFile = from.accountsFile;
            processingTime = from.processingTime;
            maxAudioBytes = from.maxAudioBytes;
        }

        SandboxOptions options() {
            return new SandboxOptions(port, from.host, from.publicUrl, controlToken, noControl, stateDir, accountsFile,
                    processingTime, from.linkLifetime, maxAudioBytes, from.maxDocumentBytes, from.linkSigningKey, from.webhookTimeout,
                    from.submitPath, from.uploadAudioPath, from.uploadDocumentPath);
        }
    }

    /**
     * Reads the options: {@code args} first, then {@code env}, then the defaults.
     *
     * @throws IllegalArgumentException with a message for the person who started it
     */
    public static SandboxOptions parse(Map<String, String> env, String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + arg + " (options look like --port=8090)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("no-control") || name.equals("help")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!OPTIONS.containsKey(name) && !name.equals("help")) {
                throw new IllegalArgumentException("Unknown option --" + name + " (--help lists them)");
            }
            given.put(name, value);
        }
        java.util.function.Function<String, String> value = name -> {
            if (given.containsKey(name)) {
                return given.get(name);
            }
            String fromEnv = env.get(OPTIONS.get(name)[0]);
            return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
        };
        int port = integer("port", value.apply("port"), 8090);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        String host = orElse(value.apply("host"), inContainer(env) ? "0.0.0.0" : "127.0.0.1");
        String publicUrl = value.apply("public-url");
        if (publicUrl != null && !publicUrl.matches("(?i)https?://[^/\\s]+(/\\S*)?")) {
            throw new IllegalArgumentException("--public-url must be an absolute http(s) URL, e.g. http://sandbox.example:8090");
        }
        boolean noControl = Boolean.parseBoolean(orElse(value.apply("no-control"), "false"));
        String token = value.apply("control-token");
        if (!noControl && token == null) {
            throw new IllegalArgumentException("Set SANDBOX_CONTROL_TOKEN (or --control-token) for the control API, or --no-control to serve none");
        }
        String stateDir = value.apply("state-dir");
        String accountsFile = value.apply("accounts-file");
        if (accountsFile != null && !Files.isRegularFile(Path.of(accountsFile))) {
            throw new IllegalArgumentException("The accounts file " + accountsFile + " does not exist");
        }
        return new SandboxOptions(port, host, publicUrl, noControl ? null : token, noControl,
                stateDir == null ? null : Path.of(stateDir).toAbsolutePath(),
                accountsFile == null ? null : Path.of(accountsFile).toAbsolutePath(),
                duration("processing-time", orElse(value.apply("processing-time"), "20s")),
                positive("link-lifetime", duration("link-lifetime", orElse(value.apply("link-lifetime"), "10m"))),
                integer("max-audio-bytes", value.apply("max-audio-bytes"), 250_000_000L),
                integer("max-document-bytes", value.apply("max-document-bytes"), 250_000_000L),
                value.apply("link-signing-key"),
                positive("webhook-timeout", duration("webhook-timeout", orElse(value.apply("webhook-timeout"), "5s"))),
                path(orElse(value.apply("submit-path"), "/jobs/submit")),
                path(orElse(value.apply("upload-audio-path"), "/audio/upload")),
                path(orElse(value.apply("upload-document-path"), "/documents/upload")));
    }

    static boolean helpRequested(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    static String usage() {
        StringBuilder out = new StringBuilder("""
                Claudio sandbox: a simulator of the Claudio transcription API (docs/claudio.md).
                Usage: java -jar claudio-sandbox.jar [--option=value ...]   (each option also as an environment variable)

                """);
        OPTIONS.forEach((name, o) -> out.append(String.format(Locale.ROOT, "  --%-22s %-30s %s (default: %s)%n", name, o[0], o[2], o[1])));
        return out.toString();
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    /** {@code 300ms}, {@code 20s}, {@code 10m}, {@code 1h}, ISO-8601 ({@code PT20S}); a bare number is seconds. */
    static Duration duration(String name, String text) {
        String t = text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                return nonNegative(name, Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--" + name + ": not a duration: " + text);
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + ": not a duration (e.g. 300ms, 20s, 10m): " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static Duration nonNegative(String name, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return d;
    }

    private static Duration positive(String name, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return d;
    }

    private static long integer(String name, String text, long defaultValue) {
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not a number: " + text);
        }
    }

    private static int integer(String name, String text, int defaultValue) {
        return (int) integer(name, text, (long) defaultValue);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String path(String configured) {
        String p = configured.strip();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** Docker and Podman leave these behind; Kubernetes sets KUBERNETES_SERVICE_HOST. */
    private static boolean inContainer(Map<String, String> env) {
        return Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv")) || env.containsKey("KUBERNETES_SERVICE_HOST")
                || env.containsKey("container");
    }

    /**
     * The options as arguments for a child process, e.g. for a test that starts the jar; without the
     * control token, which belongs in {@code SANDBOX_CONTROL_TOKEN} (arguments are visible to every
     * user of the machine).
     */
    public List<String> toArguments() {
        List<String> out = new ArrayList<>();
        out.add("--port=" + port);
        out.add("--host=" + host);
        if (publicUrl != null) {
            out.add("--public-url=" + publicUrl);
        }
        if (noControl) {
            out.add("--no-control");
        }
        if (stateDir != null) {
            out.add("--state-dir=" + stateDir);
        }
        if (accountsFile != null) {
            out.add("--accounts-file=" + accountsFile);
        }
        out.add("--processing-time=" + processingTime.toMillis() + "ms");
        out.add("--link-lifetime=" + linkLifetime.toMillis() + "ms");
        out.add("--max-audio-bytes=" + maxAudioBytes);
        out.add("--max-document-bytes=" + maxDocumentBytes);
        if (linkSigningKey != null) {
            out.add("--link-signing-key=" + linkSigningKey);
        }
        out.add("--webhook-timeout=" + webhookTimeout.toMillis() + "ms");
        out.add("--submit-path=" + submitPath);
        out.add("--upload-audio-path=" + uploadAudioPath);
        out.add("--upload-document-path=" + uploadDocumentPath);
        return out;
    }

    /** The control token never shows up in logs or exception messages. */
    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", host=" + host + ", publicUrl=" + publicUrl + ", control=" + (noControl ? "off" : "on")
                + ", stateDir=" + stateDir + ", accountsFile=" + accountsFile + ", processingTime=" + processingTime + ", linkLifetime="
                + linkLifetime + "]";
    }
}
