package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.claudioportal.sandbox.SandboxOptions;
import com.sun.net.httpserver.HttpServer;

/**
 * Several packaged portals ({@code target/quarkus-app/quarkus-run.jar}, production profile) on one
 * embedded PostgreSQL and one upload storage (as replicas share a volume or S3), with the Claudio
 * sandbox ({@code target/claudio-sandbox.jar}) in a process of its own and an OIDC stub: what the
 * engine's multi-instance test and benchmark run. A portal can be killed with SIGKILL and
 * restarted; Claudio lives on and counts what it received.
 */
public final class EngineCluster implements AutoCloseable {

    public static final Path PORTAL_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /**
     * What to start: engine settings (portal.worker.*, as -D options), JVM options, sandbox processing
     * time; {@code s3Bucket} non-null stages uploads in that bucket of the JVM's S3Mock and gives each
     * portal a data directory of its own (no shared disk, as in Kubernetes); null shares one directory.
     */
    public record Settings(int portals, Map<String, String> systemProperties, List<String> jvmOptions, Duration processingTime,
            List<String> sandboxJvmOptions, Path home, String s3Bucket) {
        public Settings(int portals, Map<String, String> systemProperties, List<String> jvmOptions, Duration processingTime,
                List<String> sandboxJvmOptions, Path home) {
            this(portals, systemProperties, jvmOptions, processingTime, sandboxJvmOptions, home, null);
        }
    }

    private final Settings settings;
    private final HttpServer oidc;
    private final EmbeddedDatabase database;
    private final SandboxProcess sandbox;
    private final Map<String, String> environment;
    private final PortalProcess[] portals;
    private final int[] starts;
    /** The seed's client of the bucket (one for all its files), closed with the cluster. */
    private software.amazon.awssdk.services.s3.S3Client seedS3;

    private EngineCluster(Settings settings, HttpServer oidc, EmbeddedDatabase database, SandboxProcess sandbox,
            Map<String, String> environment) {
        this.settings = settings;
        this.oidc = oidc;
        this.database = database;
        this.sandbox = sandbox;
        this.environment = environment;
        this.portals = new PortalProcess[settings.portals()];
        this.starts = new int[settings.portals()];
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Starts the database, the sandbox and every portal (the first alone, so it migrates; the others together). */
    public static EngineCluster start(Settings settings) throws Exception {
        if (!Files.isRegularFile(PORTAL_JAR)) {
            throw new IllegalStateException(PORTAL_JAR + " is missing: package the portal first (./mvnw verify does)");
        }
        Files.createDirectories(settings.home());
        // the database is new at every start, so the data directory must be too: audit anchors left by the last run
        // name chains this database never had, and the verifier reported them as tampering (bench run of 22:43)
        deleteTree(settings.home().resolve("data"));
        for (int i = 1; i <= settings.portals(); i++) {
            deleteTree(settings.home().resolve("data-" + i));
        }
        HttpServer oidc = OidcStub.start();
        EmbeddedDatabase database = null;
        SandboxProcess sandbox = null;
        try {
            database = EmbeddedDatabase.startEphemeral();
            Path sandboxLog = settings.home().resolve("sandbox.log");
            Files.deleteIfExists(sandboxLog);
            sandbox = SandboxProcess.startJar(SandboxOptions.forTests("engine-" + new SecureRandom().nextLong())
                    .withProcessingTime(settings.processingTime()), settings.sandboxJvmOptions(), sandboxLog);
            // migrated by the owner role, run as the application role, as in production (docs/operations.md)
            Map<String, String> env = new HashMap<>(database.portalEnvironment());
            env.putAll(Map.of(
                    "OIDC_AUTH_SERVER_URL", OidcStub.issuer(oidc),
                    "OIDC_CLIENT_SECRET", "engine-cluster-client-secret",
                    "SESSION_ENCRYPTION_SECRET", "engine-cluster-session-secret-0123456789abcdef",
                    "PORTAL_ENCRYPTION_KEYS", "k1:" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                    "PORTAL_DATA_DIR", Files.createDirectories(settings.home().resolve("data")).toString(),
                    "PORTAL_CONNECTION_REQUIRE_HTTPS", "false",
                    // allow-list entries name host and port: the sandbox's, nothing else on this machine
                    "PORTAL_CONNECTION_ALLOWED_PRIVATE_HOSTS", allowed(sandbox.url())));
            // one audit chain key for both portals, as for replicas of one deployment
            env.put("PORTAL_AUDIT_KEYS", "a1:" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
            if (settings.s3Bucket() != null) {
                S3MockProcess s3 = S3MockProcess.shared();
                s3.bucket(settings.s3Bucket());
                s3.portalConfig(settings.s3Bucket(), "AES256").forEach((key, value) -> env.put(
                        key.equals("portal.storage.type") ? "PORTAL_STORAGE_TYPE"
                                : "PORTAL_S3_" + key.substring("portal.storage.s3.".length()).replace('-', '_').toUpperCase(), value));
            }
            EngineCluster cluster = new EngineCluster(settings, oidc, database, sandbox, env);
            try {
                cluster.startPortal(0);
                cluster.portals[0].awaitReady(Duration.ofMinutes(3));
                List<CompletableFuture<Void>> rest = new ArrayList<>();
                for (int i = 1; i < settings.portals(); i++) {
                    cluster.startPortal(i);
                    PortalProcess p = cluster.portals[i];
                    rest.add(CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofMinutes(3))));
                }
                CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).join();
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        } catch (Exception e) {
            if (sandbox != null) {
                sandbox.close();
            }
            if (database != null) {
                database.close();
            }
            oidc.stop(0);
            throw e;
        }
    }

    private static String allowed(String sandboxUrl) {
        int port = java.net.URI.create(sandboxUrl).getPort();
        return "localhost:" + port + ",127.0.0.1:" + port;
    }

    private void startPortal(int i) {
        List<String> jvm = new ArrayList<>(settings.jvmOptions());
        jvm.add("-Dquarkus.analytics.disabled=true");
        // tells the instances' database connections apart in pg_stat_activity
        jvm.add("-Dquarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName=portal-" + (i + 1));
        settings.systemProperties().forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        Path log = settings.home().resolve("portal-" + (i + 1) + (starts[i] == 0 ? "" : "-restart-" + starts[i]) + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts[i]++;
        Map<String, String> env = new HashMap<>(environment);
        if (settings.s3Bucket() != null) {
            try {
                env.put("PORTAL_DATA_DIR", Files.createDirectories(settings.home().resolve("data-" + (i + 1))).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        portals[i] = PortalProcess.start(PORTAL_JAR.toAbsolutePath(), FreePorts.find(), FreePorts.find(), env, jvm,
                ProcessBuilder.Redirect.to(log.toFile()));
    }

    /** A seeder on the cluster's database and storage (close it when done). */
    public EngineSeed seed() throws SQLException {
        if (settings.s3Bucket() != null) {
            String bucket = settings.s3Bucket();
            synchronized (this) {
                if (seedS3 == null) {
                    seedS3 = S3MockProcess.shared().client();
                }
            }
            var s3 = seedS3;
            return new EngineSeed(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD, environment.get("PORTAL_ENCRYPTION_KEYS"),
                    (key, content) -> s3.putObject(b -> b.bucket(bucket).key("staged/" + key),
                            software.amazon.awssdk.core.sync.RequestBody.fromBytes(content)));
        }
        return new EngineSeed(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD, environment.get("PORTAL_ENCRYPTION_KEYS"),
                Path.of(environment.get("PORTAL_DATA_DIR")));
    }

    public PortalProcess portal(int i) {
        return portals[i];
    }

    public SandboxProcess sandbox() {
        return sandbox;
    }

    public SandboxControl claudio() {
        return sandbox.control();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    /**
     * SIGKILL to portal {@code i}'s JVM (the process started is {@code java} itself, no wrapper
     * script): no shutdown hook, no lease released. Returns the pid, which prefixes its lease owner.
     */
    public long kill(int i) throws InterruptedException {
        Process p = portals[i].process();
        String command = p.info().command().orElse("");
        if (!command.endsWith("/java")) {
            throw new IllegalStateException("Portal " + i + " runs as " + command + ", not as a JVM");
        }
        long pid = p.pid();
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Portal " + i + " survived SIGKILL");
        }
        return pid;
    }

    /** Starts portal {@code i} again (after {@link #kill}) and waits until it is ready. */
    public void restart(int i) {
        startPortal(i);
        portals[i].awaitReady(Duration.ofMinutes(3));
    }

    /** The logs of every portal start so far. */
    public List<Path> portalLogs() throws IOException {
        try (var files = Files.list(settings.home())) {
            return files.filter(f -> f.getFileName().toString().startsWith("portal-")).sorted().toList();
        }
    }

    @Override
    public void close() {
        for (PortalProcess p : portals) {
            if (p != null) {
                p.close();
            }
        }
        sandbox.close();
        database.close();
        oidc.stop(0);
        if (seedS3 != null) {
            seedS3.close();
        }
    }
}
