package com.claudioportal.audit;

/** Who did it: e-mail address (or "system", "claudio", "anonymous"), the identity provider's subject, and the role. */
public record AuditActor(String name, String subject, String role) {

    public static final AuditActor SYSTEM = new AuditActor("system", null, "SYSTEM");

    /** Claudio, calling the webhook. */
    public static final AuditActor CLAUDIO = new AuditActor("claudio", null, "SYSTEM");
}
