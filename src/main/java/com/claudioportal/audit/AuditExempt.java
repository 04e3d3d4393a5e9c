package com.claudioportal.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A state-changing route that is deliberately not audited, and why (checked by {@code AuditCoverageTest}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface AuditExempt {
    String value();
}
