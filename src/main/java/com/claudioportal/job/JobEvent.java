package com.claudioportal.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/** A line of a job's timeline. Messages never contain field values or transcript text. */
@Entity
@Table(name = "job_event")
public class JobEvent extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    @Column(name = "job_id")
    public Long jobId;

    public Instant at = Instant.now();

    @Enumerated(EnumType.STRING)
    public JobState status;

    public String message;

    public String actor;

    public static void record(Job job, String message, String actor) {
        JobEvent e = new JobEvent();
        e.jobId = job.id;
        e.status = job.status;
        e.message = message.length() > 1000 ? message.substring(0, 1000) : message;
        e.actor = actor;
        e.persist();
    }
}
