package com.claudioportal.infra;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A small OpenID Connect provider for the test suite, speaking the authorization code flow the
 * portal uses with Keycloak. Unlike Quarkus' dev-services server it says whether the e-mail
 * address is verified ({@code email_verified}), so the tests run the portal with the production
 * rule (only verified addresses open memberships). Its login page has the dev server's "custom
 * user" form (name, roles) plus an "unverified" box, so {@link TestLogin} signs in the same way.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "claudio-portal";

    private record Login(String name, Set<String> roles, boolean verified, String nonce) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final KeyPair keys;
    private final String kid = UUID.randomUUID().toString();
    private final Map<String, Login> codes = new ConcurrentHashMap<>();
    private final Map<String, Login> refreshTokens = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final String issuer;

    private TestIdentityProvider() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false));
        router.get("/.well-known/openid-configuration").handler(this::configuration);
        router.get("/keys").handler(this::jwks);
        router.get("/authorize").handler(this::loginPage);
        router.post("/login").handler(this::login);
        router.post("/token").handler(this::token);
        router.get("/logout").handler(this::logout);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        issuer = "http://localhost:" + server.actualPort();
    }

    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test identity provider", e);
        }
    }

    /** The realm URL, for {@code quarkus.oidc.auth-server-url}. */
    public String url() {
        return issuer;
    }

    private void configuration(RoutingContext ctx) {
        json(ctx, 200, new JsonObject()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/authorize")
                .put("token_endpoint", issuer + "/token")
                .put("jwks_uri", issuer + "/keys")
                .put("end_session_endpoint", issuer + "/logout")
                .put("response_types_supported", new JsonArray().add("code"))
                .put("subject_types_supported", new JsonArray().add("public"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
                .put("code_challenge_methods_supported", new JsonArray().add("S256")));
    }

    private void jwks(RoutingContext ctx) {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        json(ctx, 200, new JsonObject().put("keys", new JsonArray().add(new JsonObject()
                .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
                .put("n", base64url(key.getModulus())).put("e", base64url(key.getPublicExponent())))));
    }

    private void loginPage(RoutingContext ctx) {
        String hidden = hidden("redirect_uri", ctx.request().getParam("redirect_uri")) + hidden("state", ctx.request().getParam("state"))
                + hidden("nonce", ctx.request().getParam("nonce"));
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end("""
                <!DOCTYPE html><html><head><title>Test sign-in</title></head><body>
                <details><summary class='custom-link'>Custom user</summary>
                <form class='custom-form' action='/login' method='post'>%s
                <input type='text' name='name' placeholder='Name'><br>
                <input type='text' name='roles' placeholder='Roles (comma-separated)'><br>
                <label><input type='checkbox' name='unverified' value='true'> e-mail address not verified</label><br>
                <button class='custom-button' type='submit' name='login'>Login</button>
                </form></details></body></html>""".formatted(hidden));
    }

    private void login(RoutingContext ctx) {
        String name = ctx.request().getFormAttribute("name");
        String roles = ctx.request().getFormAttribute("roles");
        Login login = new Login(name == null ? "" : name.trim(),
                roles == null || roles.isBlank() ? Set.of() : Arrays.stream(roles.split(",")).map(String::trim).collect(Collectors.toSet()),
                !"true".equals(ctx.request().getFormAttribute("unverified")), ctx.request().getFormAttribute("nonce"));
        String code = UUID.randomUUID().toString();
        codes.put(code, login);
        String redirect = ctx.request().getFormAttribute("redirect_uri");
        String state = ctx.request().getFormAttribute("state");
        ctx.response().setStatusCode(302).putHeader("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8))).end();
    }

    private void token(RoutingContext ctx) {
        String grant = ctx.request().getFormAttribute("grant_type");
        Login login = "refresh_token".equals(grant) ? refreshTokens.get(ctx.request().getFormAttribute("refresh_token"))
                : codes.remove(String.valueOf(ctx.request().getFormAttribute("code")));
        if (login == null) {
            json(ctx, 400, new JsonObject().put("error", "invalid_grant"));
            return;
        }
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, login);
        json(ctx, 200, new JsonObject().put("token_type", "Bearer").put("expires_in", 3600)
                .put("access_token", jwt(login, false)).put("id_token", jwt(login, true)).put("refresh_token", refresh));
    }

    private void logout(RoutingContext ctx) {
        String back = ctx.request().getParam("post_logout_redirect_uri");
        ctx.response().setStatusCode(302).putHeader("Location", back == null ? issuer : back).end();
    }

    /** What Keycloak puts in its tokens that the portal reads: e-mail, whether it is verified, name, roles. */
    private String jwt(Login login, boolean idToken) {
        var claims = Jwt.claims().issuer(issuer).subject(login.name()).upn(login.name()).preferredUserName(login.name())
                .claim("email", login.name()).claim("email_verified", login.verified()).claim("name", login.name())
                .groups(login.roles()).expiresIn(3600);
        if (idToken) {
            claims = claims.audience(CLIENT_ID);
            if (login.nonce() != null) {
                claims = claims.claim("nonce", login.nonce());
            }
        }
        return claims.jws().keyId(kid).sign(keys.getPrivate());
    }

    private static String hidden(String name, String value) {
        return value == null ? "" : "<input type='hidden' name='" + name + "' value='" + value.replace("&", "&amp;").replace("'", "&#39;") + "'>";
    }

    private static String base64url(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
