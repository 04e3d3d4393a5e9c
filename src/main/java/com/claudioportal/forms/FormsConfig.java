package com.claudioportal.forms;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much a form may hold. Each field has its own limit in characters, checked by the form that
 * owns it (job field values 20,000, a pasted profile 256 K, ...) and refused beside the field; these
 * are the outer bounds that keep a hostile request from filling memory before those checks run.
 */
@ConfigMapping(prefix = "portal.forms")
public interface FormsConfig {

    /**
     * Largest form body, url-encoded or multipart (the whole body, a profile file included)
     * (env {@code PORTAL_FORMS_MAX_BODY}). Must stay above
     * {@code quarkus.http.limits.max-form-attribute-size}. Uploads of recordings are raw bodies and
     * have their own limits ({@code portal.uploads.*}).
     */
    @WithDefault("4M")
    MemorySize maxBody();
}
