package com.claudioportal.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One audio file or attachment a job referenced, as the job named it. */
@Entity
@Table(name = "sandbox_job_input")
public class SandboxJobInputEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id")
    public Long jobId;

    public int position;

    @Column(name = "file_id")
    public String fileId;

    public String role;

    public String filename;

    @Column(name = "audio_start")
    public String audioStart;

    @Column(name = "audio_end")
    public String audioEnd;

    @Column(name = "doc_type")
    public String docType;
}
