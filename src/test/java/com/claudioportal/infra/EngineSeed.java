package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.claudioportal.credentials.EncryptionConfig;
import com.claudioportal.credentials.SecretBox;

/**
 * Tenants and jobs written straight into the database of packaged portals (tests and benchmarks
 * that run the portal in other processes, where no CDI service of ours is at hand). Rows are
 * written as the portal's services write them: the Claudio key and secret sealed with the
 * portal's {@link SecretBox} and encryption key, webhook tokens as SHA-256 hashes, staged files in
 * the upload storage ({@code <PORTAL_DATA_DIR>/uploads/<tenant>/<upload id>}).
 */
public final class EngineSeed implements AutoCloseable {

    /** A seeded tenant: its Claudio account (sandbox slug = tenant id) and its webhook token. */
    public record Tenant(String id, long profileId, long profileVersionId, String apiKey, String apiSecret, String webhookToken) {
    }

    private static final String FIELDS = "[{\"key\":\"specialist_name\",\"uiLabel\":\"Medical Specialist\",\"type\":\"string\","
            + "\"uiType\":\"string\",\"uiDesc\":\"Approved Medical Specialist name\",\"defaultValue\":\"\",\"required\":false}]";

    /** Who submitted the seeded jobs ({@link #member} makes them a member of a tenant, so they hear about their jobs). */
    public static final String SUBMITTER = "seed@example.test";

    private final Connection db;
    private final SecretBox box;
    private final java.util.function.BiConsumer<String, byte[]> stage;

    /** {@code encryptionKeys}: the portals' PORTAL_ENCRYPTION_KEYS; {@code dataDir}: their PORTAL_DATA_DIR. */
    public EngineSeed(String jdbcUrl, String user, String password, String encryptionKeys, Path dataDir) throws SQLException {
        this(jdbcUrl, user, password, encryptionKeys, (key, content) -> {
            Path stored = dataDir.resolve("uploads").resolve(key);
            try {
                Files.createDirectories(stored.getParent());
                Files.write(stored, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code stage} writes a staged file's bytes under its key (the local directory or the S3 bucket). */
    public EngineSeed(String jdbcUrl, String user, String password, String encryptionKeys,
            java.util.function.BiConsumer<String, byte[]> stage) throws SQLException {
        this.stage = stage;
        this.db = DriverManager.getConnection(jdbcUrl, user, password);
        this.box = new SecretBox(new EncryptionConfig() {
            @Override
            public Optional<String> keys() {
                return Optional.of(encryptionKeys);
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.empty();
            }

            @Override
            public boolean reencryptOnStart() {
                return false;
            }
        });
    }

    public Connection connection() {
        return db;
    }

    /** A tenant whose Claudio connection is {@code claudioBaseUrl} with these credentials, one profile and a webhook token. */
    public Tenant tenant(String id, String claudioBaseUrl, String apiKey, String apiSecret) throws SQLException {
        update("insert into tenant (id, name) values (?, ?)", id, "Engine clinic " + id);
        update("""
                insert into claudio_connection (tenant_id, base_url, api_key_sealed, api_secret_sealed, api_key_hint, api_secret_hint, updated_by)
                values (?, ?, ?, ?, ?, ?, 'seed')""", id, claudioBaseUrl, box.seal(apiKey, "claudio-api-key:" + id),
                box.seal(apiSecret, "claudio-api-secret:" + id), hint(apiKey), hint(apiSecret));
        long profile = insert("insert into profile (tenant_id, display_name) values (?, 'IME') returning id", id);
        long version = insert("""
                insert into profile_version (tenant_id, profile_id, version_no, claudio_profile_id, form_id, profile_name, fields, created_by)
                values (?, ?, 1, '12M78H7656325X96R99', '70L34P7896Q97U81', 'IME with Structura Doc Extraction', ?::jsonb, 'seed') returning id""",
                id, profile, FIELDS);
        update("update profile set current_version_id = ? where id = ?", version, profile);
        String token = "wh-" + UUID.randomUUID() + UUID.randomUUID();
        update("insert into webhook_token (tenant_id, token_hash, token_hint, created_by) values (?, ?, ?, 'seed')", id, sha256(token),
                hint(token));
        return new Tenant(id, profile, version, apiKey, apiSecret, token);
    }

    /** Makes {@code email} a current member of the tenant (as an invitation accepted): notifications of its jobs then go to them. */
    public void member(Tenant t, String email, String role) throws SQLException {
        update("insert into membership (tenant_id, email, role, display_name) values (?, ?, ?, ?)", t.id(), email, role, "Seed " + role);
    }

    /** A file of a queued job: its name (as Claudio will see it) and content. */
    public record StagedFile(String filename, boolean audio, byte[] content) {
    }

    /**
     * A job saved and waiting to be sent (QUEUED, due now) with these files staged in storage; returns its id.
     * As the portal's submit does, the files are staged first and the job commits with all its rows at
     * once: the portals' workers claim due jobs while the seed runs, and must never find one half-written.
     */
    public long queuedJob(Tenant t, String name, List<StagedFile> files) throws SQLException {
        return queuedJob(t, name, files, true);
    }

    /** {@code due} false: not due yet (null next attempt), for a test that lets all its jobs go at once ({@link #makeQueuedJobsDue}). */
    public long queuedJob(Tenant t, String name, List<StagedFile> files, boolean due) throws SQLException {
        List<UUID> uploads = new ArrayList<>();
        for (StagedFile f : files) {
            UUID upload = UUID.randomUUID();
            stage.accept(t.id() + "/" + upload, f.content());
            uploads.add(upload);
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            long job = insert("""
                    insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, field_values, status,
                                     submitted_by, next_attempt_at, due_at)
                    values (?, ?, ?, ?, ?, false, '{"specialist_name":"Dr. Jane Roe"}', 'QUEUED', ?,
                            case when ? then now() end, now() + interval '1 day') returning id""", t.id(), UUID.randomUUID(), name,
                    t.profileId(), t.profileVersionId(), SUBMITTER, due);
            for (int position = 0; position < files.size(); position++) {
                StagedFile f = files.get(position);
                UUID upload = uploads.get(position);
                String kind = f.audio() ? "AUDIO" : "DOCUMENT";
                String type = f.audio() ? "audio/vnd.wave" : "text/plain";
                update("""
                        insert into upload (id, tenant_id, kind, original_filename, stored_path, content_type, size_bytes, uploaded_by, job_id)
                        values (?, ?, ?, ?, ?, ?, ?, 'seed', ?)""", upload, t.id(), kind, f.filename(), t.id() + "/" + upload, type,
                        (long) f.content().length, job);
                update("""
                        insert into job_file (tenant_id, job_id, position, kind, upload_id, original_filename, content_type, size_bytes,
                                              audio_start, audio_end, doc_type)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", t.id(), job, position, kind, upload, f.filename(), type,
                        (long) f.content().length, f.audio() ? "00:00:00" : null, f.audio() ? "00:00:00" : null, f.audio() ? null : "loi");
            }
            update("insert into job_event (tenant_id, job_id, status, message, actor) values (?, ?, 'QUEUED', 'Saved.', 'seed')", t.id(), job);
            db.commit();
            return job;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** Makes every queued job that is not due yet due now, and tells the portals; returns how many. */
    public int makeQueuedJobsDue() throws SQLException {
        int n = update("update job set next_attempt_at = now() where status = 'QUEUED' and next_attempt_at is null");
        count("select count(*) from (select pg_notify('portal_job_due', '')) n");
        return n;
    }

    /**
     * Jobs Claudio has accepted already under {@code references} (e.g. the sandbox's bulk jobs),
     * SUBMITTED {@code submittedAgo} ago, their next poll due at {@code firstDue[i]} seconds from now
     * (null: not due until set); one statement.
     */
    public void submittedJobs(Tenant t, List<String> references, List<Double> firstDueSeconds, java.time.Duration submittedAgo)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                insert into job (tenant_id, submission_key, name, profile_id, profile_version_id, is_raw, status, submitted_by,
                                 claudio_reference, submitted_at, next_attempt_at, due_at)
                select ?, gen_random_uuid(), 'Bench job ' || r.ref, ?, ?, false, 'SUBMITTED', 'seed@example.test', r.ref,
                       now() - make_interval(secs => ?), now() + make_interval(secs => r.due), now() + interval '1 day'
                from unnest(?::varchar[], ?::float8[]) as r(ref, due)""")) {
            s.setString(1, t.id());
            s.setLong(2, t.profileId());
            s.setLong(3, t.profileVersionId());
            s.setDouble(4, submittedAgo.toMillis() / 1000.0);
            s.setArray(5, db.createArrayOf("varchar", references.toArray()));
            s.setArray(6, db.createArrayOf("float8", firstDueSeconds.toArray()));
            s.executeUpdate();
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(sql, params); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rows of one string column. */
    public List<String> strings(String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = prepare(sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(sql, params); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(sql, params)) {
            return s.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static String hint(String secret) {
        return secret.substring(secret.length() - 4);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
