package com.claudioportal.credentials;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL checked by {@link BaseUrlPolicy} together with the addresses that were checked: the
 * host was resolved once, every address it resolved to passed, and a client must connect to
 * one of {@link #socketAddresses()} (keeping {@link #host()} for the Host header and TLS SNI),
 * never resolve the name again, or a DNS answer that changes in between (DNS rebinding) would
 * reach an address nobody checked. Either {@link #ok()} with addresses, or a {@link #problem()}
 * in words for a tenant admin (the request's language) and its {@link #problemCode()}, the name of
 * those words in web.AdminMessages and web.TimelineMessages ({@code url_…}, with {@link #host()}
 * for {@code url_unknown_host}), for a page read later in another language (a job's timeline).
 */
public record PinnedResolution(URI uri, String host, int port, List<InetAddress> addresses, String problem, String problemCode) {

    public PinnedResolution {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    static PinnedResolution refused(String problem, String problemCode, String host) {
        return new PinnedResolution(null, host, -1, List.of(), problem, problemCode);
    }

    static PinnedResolution pinned(URI uri, String host, int port, List<InetAddress> addresses) {
        return new PinnedResolution(uri, host, port, addresses, null, null);
    }

    public boolean ok() {
        return problem == null;
    }

    /** Where to connect, in the resolver's order (the first is the one to try first). */
    public List<InetSocketAddress> socketAddresses() {
        return addresses.stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    /** The first address to connect to; fails when the URL was refused. */
    public InetSocketAddress socketAddress() {
        if (!ok()) {
            throw new IllegalStateException("The URL was refused: " + problem);
        }
        return socketAddresses().get(0);
    }
}
