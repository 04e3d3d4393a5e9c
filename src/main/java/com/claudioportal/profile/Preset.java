package com.claudioportal.profile;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * Saved values for profile fields, keyed by field key (e.g. a specialist's name, credentials and
 * bio), that staff pick on the submit form instead of retyping them. A preset fills every field
 * whose key it knows, in any profile.
 */
@Entity
@Table(name = "preset")
public class Preset extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    public String name;

    /** JSON object: field key to value. */
    @Column(name = "field_values")
    public String fieldValuesJson = "{}";

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    public Map<String, String> values() {
        Map<String, String> values = JsonText.map(fieldValuesJson);
        return values == null ? Map.of() : values;
    }
}
