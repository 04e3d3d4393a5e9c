package com.claudioportal.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the heads of the audit chains are kept outside the database, so that deleting the
 * newest events, or recomputing the whole chain, is noticed. The default writes files
 * ({@link FileAnchorStore}); an object store can replace it with another bean.
 */
public interface AnchorStore {

    /** A chain's head at a moment: its last event's sequence number and MAC, signed. */
    record Anchor(String chain, long seq, String mac, long legacyThrough, Instant at, String keyId, String signature) {
    }

    void append(Anchor anchor) throws IOException;

    /** The anchor with the highest sequence number among the chain's recent ones. */
    Optional<Anchor> latest(String chain) throws IOException;
}
