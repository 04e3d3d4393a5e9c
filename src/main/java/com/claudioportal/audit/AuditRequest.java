package com.claudioportal.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the audit log knows about the current request: the {@link Audited} calls in progress,
 * which events committed during each (so the interceptor adds an event only where the service
 * recorded none), details a resource adds to its call's event, and whether a denial is recorded.
 */
@RequestScoped
public class AuditRequest {

    static final class Frame {
        final String action;
        final String targetType;
        final Map<String, Object> details = new LinkedHashMap<>();
        int committed;

        Frame(String action, String targetType) {
            this.action = action;
            this.targetType = targetType;
        }

        boolean covers(String action, String targetType) {
            return this.action.equals(action) || (this.targetType != null && this.targetType.equals(targetType));
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    private boolean denialRecorded;

    Frame open(String action, String targetType) {
        Frame f = new Frame(action, targetType == null || targetType.isEmpty() ? null : targetType);
        frames.push(f);
        return f;
    }

    void close(Frame frame) {
        frames.remove(frame);
    }

    boolean hasFrames() {
        return !frames.isEmpty();
    }

    /** Called when an event committed: the calls it answers for need no event of their own. */
    void committed(String action, String targetType) {
        for (Frame f : frames) {
            if (f.covers(action, targetType)) {
                f.committed++;
            }
        }
    }

    /** Adds a detail (a count, a code, a result) to the event of the innermost {@link Audited} call. */
    public void detail(String key, Object value) {
        Frame f = frames.peek();
        if (f != null) {
            f.details.put(key, value);
        }
    }

    /** The filters of a view or export of the log, as details of its event. */
    void detailFilters(AuditFilter filter) {
        filter.summary().forEach(this::detail);
    }

    boolean denialRecorded() {
        return denialRecorded;
    }

    void markDenialRecorded() {
        denialRecorded = true;
    }
}
