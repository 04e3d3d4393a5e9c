package com.claudioportal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.claudioportal.infra.EmbeddedDatabase;
import com.claudioportal.infra.FreePorts;
import com.claudioportal.infra.KeycloakServer;
import com.claudioportal.infra.MailServer;
import com.claudioportal.infra.PortalProcess;
import com.claudioportal.infra.SandboxProcess;
import com.claudioportal.sandbox.SandboxOptions;

/**
 * Everything the demo needs, started without Docker: an embedded PostgreSQL, a real Keycloak with
 * the portal's realm, the Claudio sandbox ({@code target/claudio-sandbox.jar}, its own process) and
 * the packaged portal in its {@code demo} profile (demo data, tenants wired to the sandbox).
 * The demo launcher and the demo stack IT both use it.
 *
 * @param sandbox the Claudio sandbox the demo tenants use
 * @param mail the SMTP server the demo's mails go to
 * @param portalEnvironment what the portal is started with, again at a restart
 */
public record DemoStack(Settings settings, EmbeddedDatabase database, KeycloakServer keycloak, SandboxProcess sandbox, MailServer mail,
        Map<String, String> portalEnvironment, PortalProcess portal) implements AutoCloseable {

    /** The sandbox's control token in the demo: the sandbox listens on 127.0.0.1 only. */
    public static final String SANDBOX_CONTROL_TOKEN = "demo-only-sandbox-control-token";

    /** The demo's jobs take about this long at Claudio, so a tour shows a job in progress, then done. */
    static final Duration DEMO_PROCESSING_TIME = Duration.ofSeconds(15);

    private static final Duration PORTAL_START = Duration.ofMinutes(4);

    /**
     * {@code sandboxPort} 0: any free port. {@code keepData}: the database, Keycloak and the
     * sandbox's state stay in {@code home} between runs.
     */
    public record Settings(Path home, Path keycloakZip, Path realmFile, Path portalJar, int portalPort, int managementPort,
            int keycloakPort, int keycloakManagementPort, int sandboxPort, int databasePort, boolean keepData,
            ProcessBuilder.Redirect portalOutput, Map<String, String> extraEnvironment) {

        /** Reads the settings the Maven build passes as system properties. */
        public static Settings fromSystemProperties(boolean keepData, ProcessBuilder.Redirect portalOutput) {
            Path home = Path.of(System.getProperty("demo.home", ".demo")).toAbsolutePath();
            return new Settings(home,
                    Path.of(required("keycloak.zip")),
                    Path.of("docker/keycloak/claudio-portal-realm.json").toAbsolutePath(),
                    Path.of(System.getProperty("portal.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath(),
                    Integer.getInteger("portal.port", 8080), Integer.getInteger("portal.management.port", 9000),
                    Integer.getInteger("keycloak.port", 8180), Integer.getInteger("keycloak.management.port", 9180),
                    Integer.getInteger("sandbox.port", 8090),
                    Integer.getInteger("demo.db.port", 55432), keepData, portalOutput, Map.of());
        }

        /** The same, on free ports and without kept data: for a test next to other runs on the machine. */
        public Settings onFreePorts(ProcessBuilder.Redirect output, Map<String, String> environment) {
            return new Settings(home, keycloakZip, realmFile, portalJar, FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                    0, 0, false, output, environment);
        }

        /** Where the demo's mails are written as .eml files. */
        public Path mailDirectory() {
            return home.resolve("mail");
        }

        private static String required(String name) {
            String value = System.getProperty(name);
            if (value == null) {
                throw new IllegalStateException("System property " + name + " is not set (run through Maven)");
            }
            return value;
        }
    }

    public static DemoStack start(Settings s) {
        ensureFree(s.portalPort(), "the portal");
        ensureFree(s.managementPort(), "the portal's health and metrics");
        ensureFree(s.keycloakPort(), "Keycloak");
        ensureFree(s.keycloakManagementPort(), "Keycloak's management interface");
        if (s.sandboxPort() != 0) {
            ensureFree(s.sandboxPort(), "the Claudio sandbox");
        }
        try {
            Files.createDirectories(s.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Keycloak takes longest: start it first and let the database, the sandbox and the portal come up meanwhile.
        KeycloakServer keycloak = KeycloakServer.start(s.home(), s.keycloakZip(), s.realmFile(), s.keycloakPort(), s.keycloakManagementPort());
        CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(() -> keycloak.awaitReady(Duration.ofMinutes(6)));
        EmbeddedDatabase database = null;
        SandboxProcess sandbox = null;
        MailServer mail = null;
        try {
            // a real SMTP server for the notification mails, written as .eml files for people to open
            mail = MailServer.start(s.mailDirectory());
            database = s.keepData()
                    ? EmbeddedDatabase.startPersistent(s.home().resolve("pgdata"), s.databasePort())
                    : EmbeddedDatabase.startEphemeral();
            // like Keycloak: a process of its own; with kept data its jobs survive a restart of the demo
            SandboxOptions options = SandboxOptions.forTests(SANDBOX_CONTROL_TOKEN).withPort(s.sandboxPort())
                    .withProcessingTime(DEMO_PROCESSING_TIME).withStateDir(s.keepData() ? s.home().resolve("sandbox") : null);
            sandbox = SandboxProcess.startJar(options, List.of("-Xmx256m"), s.home().resolve("sandbox.log"));
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            if (mail != null) {
                mail.close();
            }
            keycloak.close();
            throw e;
        }
        Map<String, String> env = new HashMap<>(database.portalEnvironment());
        env.putAll(Map.of(
                "QUARKUS_PROFILE", "demo",
                "OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "PORTAL_DATA_DIR", s.home().resolve("data").toString(),
                "PORTAL_DEMO_SANDBOX_URL", sandbox.url(),
                "PORTAL_DEMO_SANDBOX_CONTROL_TOKEN", SANDBOX_CONTROL_TOKEN));
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(mail.smtpPort()));
        // the portal may call the sandbox on its port only (on a free one in tests, 8090 in the demo)
        int sandboxPort = URI.create(sandbox.url()).getPort();
        env.put("PORTAL_CONNECTION_ALLOWED_PRIVATE_HOSTS", "localhost:" + sandboxPort + ",127.0.0.1:" + sandboxPort);
        env.putAll(s.extraEnvironment());
        DemoStack stack = new DemoStack(s, database, keycloak, sandbox, mail, Map.copyOf(env), startPortal(s, env));
        try {
            stack.portal.awaitReady(PORTAL_START);
            keycloakReady.join();
            if (s.portalPort() != 8080) {
                // the shipped realm knows only the demo's address
                keycloak.allowPortalOrigin("http://localhost:" + s.portalPort());
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private static PortalProcess startPortal(Settings s, Map<String, String> env) {
        return PortalProcess.start(s.portalJar(), s.portalPort(), s.managementPort(), env,
                List.of("-Xmx512m", "-Dquarkus.analytics.disabled=true"), s.portalOutput());
    }

    /** SIGKILL to the portal's JVM: no shutdown hook, no clean-up, its claims left to run out. */
    public void killPortal() {
        try {
            portal.process().destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the portal again on the same data (after {@link #killPortal}); the stack with the new portal. */
    public DemoStack restartPortal() {
        DemoStack restarted = new DemoStack(settings, database, keycloak, sandbox, mail, portalEnvironment,
                startPortal(settings, portalEnvironment));
        try {
            restarted.portal.awaitReady(PORTAL_START);
        } catch (RuntimeException e) {
            restarted.portal.close();
            throw e;
        }
        return restarted;
    }

    @Override
    public void close() {
        portal.close();
        sandbox.close();
        mail.close();
        keycloak.close();
        database.close();
    }

    private static void ensureFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use, so " + what + " cannot start there. "
                    + "Stop whatever uses it (another demo run?) and try again.");
        }
    }
}
