package com.claudioportal.profile;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * One version of a profile, exactly as it was. Never changed (the database refuses updates):
 * a job records the version it was submitted with, so its history stays true.
 */
@Entity
@Immutable
@Table(name = "profile_version")
public class ProfileVersion extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    @Column(name = "profile_id")
    public Long profileId;

    @Column(name = "version_no")
    public int versionNo;

    /** Claudio's {@code profile_id}. */
    @Column(name = "claudio_profile_id")
    public String claudioProfileId;

    @Column(name = "form_id")
    public String formId;

    @Column(name = "profile_name")
    public String profileName;

    @Column(name = "default_is_raw")
    public boolean defaultIsRaw;

    /** The allowed {@code doc_type} values, e.g. ["loi"] (a jsonb array). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "doc_types")
    public List<String> docTypes = List.of();

    /** The form's fields, in order (a jsonb array of {@link ProfileField}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fields")
    public List<ProfileField> fields = List.of();

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "created_by")
    public String createdBy;

    public List<ProfileField> fields() {
        return fields == null ? List.of() : fields;
    }

    public List<String> docTypes() {
        return docTypes == null ? List.of() : docTypes;
    }

    /** The document types in words ("Letter of instruction"), for lists; Claudio gets the codes. */
    public String docTypesText() {
        return String.join(", ", docTypes().stream().map(DocumentTypes::label).toList());
    }

    /** What a version holds, for comparing two versions and for creating one. */
    public ProfileContent content() {
        return new ProfileContent(claudioProfileId, formId, profileName, defaultIsRaw, docTypes(), fields());
    }
}
