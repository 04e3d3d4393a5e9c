package com.claudioportal.credentials;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A DNS for tests: answers each lookup with the next scripted answer (a rebinding DNS answers a
 * public address, then a private one) and records the names it was asked; with nothing left to
 * say the name is unknown. {@link #policy} builds the portal's real outbound policy on top of it.
 */
public final class ScriptedDns implements HostResolver {

    private final Deque<List<InetAddress>> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    public synchronized ScriptedDns answer(String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(ip(a));
        }
        answers.add(list);
        return this;
    }

    /** The names looked up so far, in order. */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized List<InetAddress> lookup(String host) throws UnknownHostException {
        asked.add(host);
        if (answers.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return answers.poll();
    }

    /** The portal's {@link BaseUrlPolicy} (http allowed) asking this DNS, with {@code allowed} host:port pairs. */
    public BaseUrlPolicy policy(String... allowed) {
        return policy(this, false, allowed);
    }

    /** The portal's {@link BaseUrlPolicy} asking {@code resolver}, requiring https or not, with {@code allowed} host:port pairs. */
    static BaseUrlPolicy policy(HostResolver resolver, boolean https, String... allowed) {
        BaseUrlPolicy p = new BaseUrlPolicy();
        p.resolver = resolver;
        p.config = new ConnectionPolicyConfig() {
            public boolean requireHttps() {
                return https;
            }

            public Optional<List<String>> allowedPrivateHosts() {
                return Optional.of(List.of(allowed));
            }
        };
        return p;
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
