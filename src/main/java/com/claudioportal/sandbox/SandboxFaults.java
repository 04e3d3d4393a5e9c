package com.claudioportal.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * Trouble an account is told to simulate. {@code errorRates} is the share (0..1) of calls of each
 * kind answered with a 500 before anything changes; {@code latency} delays every call;
 * {@code dropSubmitResponse} closes the connection after a submitted job was stored;
 * {@code keyRevoked} rejects the current key with 401 until {@link SandboxAccounts#rotateKey}.
 */
public record SandboxFaults(Map<SandboxCall, Double> errorRates, Duration latency, boolean dropSubmitResponse,
        boolean keyRevoked) {

    public double errorRate(SandboxCall call) {
        return errorRates.getOrDefault(call, 0.0);
    }
}
