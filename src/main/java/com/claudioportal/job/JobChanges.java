package com.claudioportal.job;

import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How a change to a job is committed. A person's change runs in its own transaction; if the job
 * changed meanwhile (the worker, a webhook or a colleague got there first) the person is told so
 * in words instead of overwriting it, and an illegal move comes back as its explanation.
 */
public final class JobChanges {

    private JobChanges() {
    }

    /** Runs a person's change; returns null when done, or what to tell them. */
    public static String byPerson(Supplier<String> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change::get);
        } catch (JobLifecycle.IllegalTransition e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                return Words.of(JobMessages.class).err_changed_meanwhile();
            }
            throw e;
        }
    }

    /** {@link #byPerson}'s answer in the one shape resources read: done, or refused with what to tell them. */
    public static Result<Void> asResult(String problem) {
        return problem == null ? Result.done(null) : Result.refused("job", problem);
    }

    /** Whether {@code e} says that the job was changed by someone else since it was read. */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
