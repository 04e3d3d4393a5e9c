package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for tests: never a fixed number, since other test runs share the machine. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago and that nothing listens on: connections to it are refused. */
    public static int closed() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
