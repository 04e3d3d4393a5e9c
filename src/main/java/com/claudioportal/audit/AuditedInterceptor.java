package com.claudioportal.audit;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.claudioportal.forms.Flash;

import io.quarkus.arc.ArcInvocationContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes the event of an {@link Audited} method when nothing else did. Runs outside any
 * transaction of the method (before {@code @Transactional}), so that an event about a failed
 * change is written after the change rolled back, in a transaction of its own.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditedInterceptor {

    @Inject
    AuditTrail trail;

    @Inject
    AuditRequest request;

    @Inject
    AuditConfig config;

    @Inject
    Flash flash;

    @AroundInvoke
    Object record(InvocationContext ctx) throws Exception {
        Audited audited = ArcInvocationContext.findIterceptorBinding(ctx, Audited.class);
        if (audited == null) {
            audited = ctx.getMethod().getAnnotation(Audited.class);
        }
        AuditRequest.Frame frame = request.open(audited.value(), audited.target());
        Object result;
        try {
            result = ctx.proceed();
        } catch (Exception | Error e) {
            request.close(frame);
            if (frame.committed == 0 && !AccessDenials.isDenial(e)) {
                int status = e instanceof WebApplicationException w ? w.getResponse().getStatus() : 500;
                write(ctx, audited, frame, AuditOutcome.FAILURE, status);
            }
            throw e;
        }
        request.close(frame);
        if (frame.committed == 0) {
            int status = statusOf(result);
            boolean read = AuditActions.groupOf(audited.value()) == AuditGroup.ACCESS;
            if (status >= 400 || flash.hasProblem()) {
                write(ctx, audited, frame, AuditOutcome.FAILURE, status);
            } else if (read || status >= 300) {
                // a 200 answer to a change that wrote nothing is the form shown again (a row added, a preset applied)
                write(ctx, audited, frame, AuditOutcome.SUCCESS, status);
            }
        }
        return result;
    }

    private void write(InvocationContext ctx, Audited audited, AuditRequest.Frame frame, AuditOutcome outcome, int status) {
        AuditEntry entry = AuditEntry.of(audited.value()).outcome(outcome).details(frame.details);
        boolean read = AuditActions.groupOf(audited.value()) == AuditGroup.ACCESS;
        if (!audited.target().isEmpty()) {
            entry.target(audited.target(), audited.id().isEmpty() ? null : parameter(ctx, audited.id()));
        }
        if (!audited.chainParam().isEmpty()) {
            entry.chain(String.valueOf(parameter(ctx, audited.chainParam())));
        }
        if (outcome != AuditOutcome.SUCCESS) {
            entry.detail("status", status);
            if (flash.hasProblem() && status < 400 && frame.details.isEmpty()) {
                entry.detail("refused", true);
            }
        } else if (!read && frame.details.isEmpty()) {
            entry.detail("changed", false);
        }
        if (read && audited.coalesce() && outcome == AuditOutcome.SUCCESS) {
            entry.coalesce(config.viewCoalesce());
        }
        QuarkusTransaction.requiringNew().run(() -> trail.write(entry));
    }

    /** The value of the method parameter bound to path parameter {@code name}. */
    static Object parameter(InvocationContext ctx, String name) {
        Method method = ctx.getMethod();
        Parameter[] params = method.getParameters();
        for (int i = 0; i < params.length; i++) {
            PathParam path = params[i].getAnnotation(PathParam.class);
            RestPath rest = params[i].getAnnotation(RestPath.class);
            String bound = path != null ? path.value() : rest != null ? (rest.value().isEmpty() ? params[i].getName() : rest.value()) : null;
            if (name.equals(bound)) {
                return ctx.getParameters()[i];
            }
        }
        throw new IllegalStateException("@Audited on " + method + " names the path parameter '" + name + "', which it does not take");
    }

    static int statusOf(Object result) {
        if (result instanceof Response r) {
            return r.getStatus();
        }
        if (result instanceof RestResponse<?> r) {
            return r.getStatus();
        }
        return 200;
    }
}
