package com.claudioportal.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /**
     * Field key and value, in the order the admin entered them: a jsonb array of {key, value}, as a
     * jsonb object would sort its keys (and the preset pages list them as entered).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_values")
    public List<Value> fieldValues = new ArrayList<>();

    public record Value(String key, String value) {
    }

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    /** Field key to value, in the order entered. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (fieldValues != null) {
            fieldValues.forEach(v -> values.put(v.key(), v.value()));
        }
        return values;
    }

    public void setValues(Map<String, String> values) {
        fieldValues = new ArrayList<>(values.entrySet().stream().map(e -> new Value(e.getKey(), e.getValue())).toList());
    }
}
