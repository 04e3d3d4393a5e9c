package com.claudioportal.job;

import java.time.Instant;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.claudioportal.tenant.TenantOwnedEntity;
import com.claudioportal.web.TimelineMessages;

/**
 * A line of a job's timeline. Messages never contain field values or transcript text. A line the
 * portal words itself has a {@link JobLine} code and parameters and reads in the reader's language
 * ({@link #text()}); {@code message} keeps its English, and is all that older lines and lines quoting
 * another system's words (Claudio's answers) have.
 */
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

    /** The {@link TimelineMessages} message of the line, or null for a line stored as words only. */
    public String code;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> params;

    /** What the timeline shows: the line in the reader's language, else the words as stored. */
    public String text() {
        return JobLine.text(message, code, params);
    }

    public static void record(Job job, JobLine line, String actor) {
        write(job, line.english(), line.code(), line.params(), actor);
    }

    public static void record(Job job, String message, String actor) {
        write(job, message, null, null, actor);
    }

    private static void write(Job job, String message, String code, Map<String, String> params, String actor) {
        JobEvent e = new JobEvent();
        e.code = code;
        e.params = params;
        e.jobId = job.id;
        e.status = job.status;
        e.message = message.length() > 1000 ? message.substring(0, 1000) : message;
        e.actor = actor;
        e.persist();
    }
}
