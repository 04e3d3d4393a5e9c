package com.claudioportal.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Records a resource method in the audit log, so that no endpoint forgets it ({@link AuditedInterceptor}):
 * <ul>
 * <li>a read ({@link AuditGroup#ACCESS} action, e.g. {@code job.viewed}) always gets an event;</li>
 * <li>a change gets the event its service writes in the change's transaction (the same action or
 * target type); when the service wrote none, because the change failed, was refused or changed
 * nothing, the interceptor writes one with that outcome;</li>
 * <li>a refusal (403, 404) is recorded by {@link AccessDenials}, naming the attempted action.</li>
 * </ul>
 * {@code AuditCoverageTest} fails for a state-changing route that is neither audited nor
 * {@link AuditExempt}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Audited {

    /** The action, from {@link AuditActions}. */
    @Nonbinding
    String value();

    /** The kind of target, e.g. {@code job}. */
    @Nonbinding
    String target() default "";

    /** The path parameter holding the target's id, e.g. {@code jobId}. */
    @Nonbinding
    String id() default "";

    /** The path parameter naming the tenant whose chain gets the event, for platform pages about a tenant. */
    @Nonbinding
    String chainParam() default "";

    /** Repeats by the same person on the same target within {@code portal.audit.view-coalesce} count once. */
    @Nonbinding
    boolean coalesce() default false;
}
