package com.claudioportal.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded input or a generated output; the bytes are under the storage directory. */
@Entity
@Table(name = "sandbox_file")
public class SandboxFileEntity extends PanacheEntityBase {

    static final String AUDIO = "AUDIO";
    static final String DOCUMENT = "DOCUMENT";
    static final String TRANSCRIPT = "TRANSCRIPT";
    static final String MEDIA = "MEDIA";

    @Id
    public String id;

    @Column(name = "account_slug")
    public String accountSlug;

    @Column(name = "job_id")
    public Long jobId;

    public String role;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Relative to the storage directory. */
    @Column(name = "storage_path")
    public String storagePath;

    public String detail;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
