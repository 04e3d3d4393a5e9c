package com.claudioportal.audit;

/** What kind of event it is, for filtering and the activity chart; its words are AuditMessages' {@code group_*}. */
public enum AuditGroup {
    /** Someone saw health information or the audit log. */
    ACCESS,
    /** Settings, members, profiles, presets, tenants. */
    CHANGES,
    /** Sign-in and sign-out, refused access, credentials, webhook addresses, verification. */
    SECURITY,
    /** Jobs and their files, webhook deliveries. */
    JOBS;

    /** Lower-case name, used in CSS classes of the chart. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
