package com.claudioportal.claudio;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Where a call to a URL may connect. Every Claudio call asks it once per attempt, just before
 * connecting, and connects to exactly the address it returns (the URL's host stays in the Host
 * header and in TLS SNI and certificate checks), so the name is resolved once, by whoever checks
 * the address, and never again by the HTTP client: a DNS answer that changes in between (DNS
 * rebinding) cannot reach an address nobody checked. The portal supplies its outbound policy
 * (allow-lists of host and port, no internal addresses); this package imports nothing of it.
 * Called on a worker thread (it may block on DNS).
 */
@FunctionalInterface
public interface AddressCheck {

    /**
     * The address to connect to for {@code url}, with the host already resolved.
     *
     * @throws ConnectException when the URL may not be called; the message says why, in words
     */
    InetSocketAddress addressFor(URI url) throws ConnectException;
}
