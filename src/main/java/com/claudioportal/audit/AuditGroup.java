package com.claudioportal.audit;

/** What kind of event it is, for filtering and the activity chart. */
public enum AuditGroup {
    /** Someone saw health information or the audit log. */
    ACCESS("Access"),
    /** Settings, members, profiles, presets, tenants. */
    CHANGES("Changes"),
    /** Sign-in and sign-out, refused access, credentials, webhook addresses, verification. */
    SECURITY("Security"),
    /** Jobs and their files, webhook deliveries. */
    JOBS("Jobs");

    private final String label;

    AuditGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Lower-case name, used in CSS classes of the chart. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
