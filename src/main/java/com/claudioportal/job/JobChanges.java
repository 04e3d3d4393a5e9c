package com.claudioportal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.upload.UploadStorage;
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

    /**
     * Runs a person's change that may refuse on what it reads (its answer), in its own transaction;
     * an illegal move or a change by someone else meanwhile comes back refused, in words.
     */
    public static Result<Void> byPerson(Supplier<Result<Void>> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change::get);
        } catch (JobLifecycle.IllegalTransition e) {
            return Result.refused("job", e.getMessage());
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                return Result.refused("job", Words.of(JobMessages.class).err_changed_meanwhile());
            }
            throw e;
        }
    }

    /** Runs a person's change like {@link #byPerson(Supplier)}, for a change with no refusals of its own. */
    public static Result<Void> byPerson(Runnable change) {
        return byPerson(() -> {
            change.run();
            return Result.<Void> done(null);
        });
    }

    /**
     * Runs a person's change like {@link #byPerson(Runnable)} that frees stored files (it answers
     * their paths): they are deleted only once the change committed, so a refused change keeps them.
     */
    public static Result<Void> byPersonFreeing(UploadStorage storage, Supplier<List<String>> change) {
        List<String> files = new ArrayList<>();
        Result<Void> done = byPerson(() -> {
            // a retried attempt starts again from what it reads
            files.clear();
            files.addAll(change.get());
        });
        if (done.ok()) {
            files.forEach(storage::delete);
        }
        return done;
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
