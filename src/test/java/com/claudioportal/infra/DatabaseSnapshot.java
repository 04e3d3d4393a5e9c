package com.claudioportal.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A fingerprint of everything the database holds for one tenant (every table with a
 * {@code tenant_id}, plus the tenant list): equal fingerprints mean a request stored nothing,
 * changed nothing and deleted nothing. Test-only native SQL: it must see past the tenant scoping.
 */
@ApplicationScoped
public class DatabaseSnapshot {

    @Inject
    EntityManager em;

    /** Table name to an md5 of its rows for {@code tenant} (and of the whole tenant table). */
    @SuppressWarnings("unchecked")
    public Map<String, String> of(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> out = new TreeMap<>();
            List<String> tables = em.createNativeQuery("""
                    select table_name from information_schema.columns
                    where table_schema = current_schema() and column_name = 'tenant_id' order by 1""").getResultList();
            for (String table : tables) {
                Object digest = em.createNativeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                        + table + " t where tenant_id = :t").setParameter("t", tenant).getSingleResult();
                out.put(table, String.valueOf(digest));
            }
            out.put("tenant", String.valueOf(em.createNativeQuery(
                    "select count(*) || ':' || md5(string_agg(t::text, '|' order by t::text)) from tenant t").getSingleResult()));
            return out;
        });
    }
}
