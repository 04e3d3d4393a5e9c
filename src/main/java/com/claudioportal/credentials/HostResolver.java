package com.claudioportal.credentials;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into its addresses: the JDK's resolver in the portal ({@link SystemHostResolver}),
 * a scripted one in tests (a DNS that answers a public address, then a private one).
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> lookup(String host) throws UnknownHostException;
}
