package com.claudioportal.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way a test reads or writes the database as it really is: each call is native SQL in a
 * transaction of its own (committed before it returns, so it sees and leaves what other
 * transactions do), past the tenant scoping of the entities. Arguments bind to {@code ?1, ?2, ...}
 * in order. Test-only native SQL; the portal itself goes through its tenant-scoped entities.
 */
@ApplicationScoped
public class Sql {

    @Inject
    EntityManager em;

    /** The single value (or row) {@code sql} selects. */
    @SuppressWarnings("unchecked")
    public <T> T one(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> (T) query(sql, args).getSingleResult());
    }

    /** Every value (or row) {@code sql} selects, in its order. */
    @SuppressWarnings("unchecked")
    public <T> List<T> list(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> (List<T>) query(sql, args).getResultList());
    }

    /** Runs an insert, update or delete; the number of rows it touched. */
    public int update(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, args).executeUpdate());
    }

    private Query query(String sql, Object... args) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        return query;
    }
}
