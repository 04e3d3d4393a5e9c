package com.claudioportal.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Waiting for a child process to answer: the launchers of Keycloak and the packaged portal rely on it. */
class ProcessesTest {

    @Test
    void waitsUntilTheAddressAnswers200() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(asked.incrementAndGet() < 3 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Processes.awaitOk(alive, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ready"), Duration.ofSeconds(30),
                    Duration.ofMillis(10), () -> "stopped", "The server");
            assertEquals(3, asked.get());
        } finally {
            Processes.stop(alive);
            server.stop(0);
        }
    }

    @Test
    void failsAtOnceWhenTheProcessHasStopped() throws Exception {
        Process stopped = new ProcessBuilder("true").start();
        stopped.waitFor();
        URI nowhere = nothingListening();
        var e = assertThrows(IllegalStateException.class, () -> Processes.awaitOk(stopped, nowhere,
                Duration.ofMinutes(1), Duration.ofMillis(10), () -> "it stopped (exit code " + stopped.exitValue() + ")", "It"));
        assertEquals("it stopped (exit code 0)", e.getMessage());
    }

    @Test
    void failsAfterTheTimeoutWhenNothingAnswers() throws Exception {
        URI nowhere = nothingListening();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            var e = assertThrows(IllegalStateException.class, () -> Processes.awaitOk(alive, nowhere,
                    Duration.ofMillis(200), Duration.ofMillis(20), () -> "stopped", "The server"));
            assertEquals("The server was not ready within PT0.2S", e.getMessage());
        } finally {
            Processes.stop(alive);
        }
    }

    /** An address on a port that was free a moment ago: connections to it are refused. */
    private static URI nothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }
}
