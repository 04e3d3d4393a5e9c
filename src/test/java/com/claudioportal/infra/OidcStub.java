package com.claudioportal.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.sun.net.httpserver.HttpServer;

/**
 * For packaged portals that nobody signs in to (start-up, engine and benchmark runs): instead of
 * a Keycloak (15–55 s to start), a stub in the test's JVM serves the two documents the portal
 * fetches from its OIDC provider at start-up. Its issuer is {@link #issuer(HttpServer)}.
 */
public final class OidcStub {

    private OidcStub() {
    }

    public static String issuer(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/claudio-portal";
    }

    /** The discovery document and a signing key set: all the portal asks its OIDC provider for at start-up. */
    public static HttpServer start() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/claudio-portal";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"stub\",\"n\":\"" + base64url(key.getModulus())
                + "\",\"e\":\"" + base64url(key.getPublicExponent()) + "\"}]}";
        String discovery = "{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/protocol/openid-connect/auth\","
                + "\"token_endpoint\":\"" + base + "/protocol/openid-connect/token\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\","
                + "\"userinfo_endpoint\":\"" + base + "/protocol/openid-connect/userinfo\","
                + "\"end_session_endpoint\":\"" + base + "/protocol/openid-connect/logout\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"code_challenge_methods_supported\":[\"S256\"]}";
        server.createContext("/realms/claudio-portal/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
        server.createContext("/realms/claudio-portal/protocol/openid-connect/certs", exchange -> respond(exchange, jwks));
        server.start();
        return server;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
