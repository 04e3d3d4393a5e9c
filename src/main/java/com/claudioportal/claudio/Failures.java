package com.claudioportal.claudio;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

import javax.net.ssl.SSLException;

import io.vertx.core.http.HttpClosedException;

/** Short, secret-free words for transport exceptions (their class names are not for people). */
final class Failures {

    private Failures() {
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Why no connection was had; a plain timeout here means none was free or accepted in time. */
    static String describeConnect(Throwable e) {
        String described = describe(e);
        return described.equals("no answer in time") ? "no connection in time" : described;
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClaudioEndpoint.Refused refused) {
                return "the portal does not call this address: " + refused.getMessage();
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (isTimeout(t) && t instanceof ConnectException) {
                return "connection timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return "the connection closed before Claudio answered";
            }
        }
        if (isTimeout(e)) {
            return "no answer in time";
        }
        String message = e == null ? null : e.getMessage();
        if (message != null && message.toLowerCase().contains("reset")) {
            return "the connection was reset before Claudio answered";
        }
        return "connection failed (" + (e == null ? "unknown" : e.getClass().getSimpleName()) + ")";
    }
}
