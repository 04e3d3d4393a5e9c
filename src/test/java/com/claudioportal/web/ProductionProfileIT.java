package com.claudioportal.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.EmbeddedDatabase;
import com.claudioportal.infra.FreePorts;
import com.claudioportal.infra.PortalProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The packaged portal ({@code target/quarkus-app/quarkus-run.jar}) in its production profile,
 * configured as an operator would (environment variables only), proves that production has no
 * Claudio sandbox: its paths are 404, no sandbox table exists, no sandbox class is shipped. Also
 * the production-only headers and cookie flags. The identity provider is a WireMock stand-in
 * serving the realm's discovery document (the portal only needs it to start and to send browsers
 * to sign in; DemoStackIT signs in through a real Keycloak).
 */
class ProductionProfileIT {

    static final Path APP = Path.of("target", "quarkus-app");

    static EmbeddedDatabase database;
    static WireMockServer identityProvider;
    static PortalProcess portal;
    static String url;

    @BeforeAll
    static void startPortal() {
        identityProvider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        identityProvider.start();
        String realm = "http://localhost:" + identityProvider.port() + "/realms/claudio-portal";
        identityProvider.stubFor(get("/realms/claudio-portal/.well-known/openid-configuration").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"issuer": "%1$s", "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                         "token_endpoint": "%1$s/protocol/openid-connect/token", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                         "userinfo_endpoint": "%1$s/protocol/openid-connect/userinfo",
                         "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
                         "response_types_supported": ["code"], "subject_types_supported": ["public"],
                         "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"]}
                        """.formatted(realm))));
        identityProvider.stubFor(get("/realms/claudio-portal/protocol/openid-connect/certs")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"keys\": []}")));
        database = EmbeddedDatabase.startEphemeral();
        int port = FreePorts.find();
        // the two database roles and the audit key, as docs/operations.md asks of an operator
        Map<String, String> env = new java.util.HashMap<>(database.portalEnvironment());
        env.putAll(Map.of(
                "OIDC_AUTH_SERVER_URL", realm, "OIDC_CLIENT_SECRET", "prod-it-client-secret",
                "SESSION_ENCRYPTION_SECRET", "prod-it-session-secret-0123456789abcdefghij",
                "PORTAL_ENCRYPTION_KEYS", "k1:VsiqeD8rLJD3/Ikfu00B9vWm6YBPT2JmboHR/NHVW0w=",
                "PORTAL_PUBLIC_URL", "https://portal.example", "PORTAL_DATA_DIR", Path.of("target", "prod-it-data").toAbsolutePath().toString()));
        env.put("PORTAL_AUDIT_KEYS", "a1:" + java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)));
        portal = PortalProcess.start(APP.resolve("quarkus-run.jar"), port, FreePorts.find(), env,
                List.of("-Xmx384m"), ProcessBuilder.Redirect.appendTo(Path.of("target", "prod-it-portal.log").toFile()));
        portal.awaitReady(java.time.Duration.ofMinutes(2));
        url = "http://localhost:" + port;
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
        if (database != null) {
            database.close();
        }
        if (identityProvider != null) {
            identityProvider.stop();
        }
    }

    @Test
    void theSandboxPathsAreNotFound() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/sandbox/claudio/anything", "/sandbox/claudio/maple/jobs/submit", "/sandbox/claudio/_control/accounts/maple",
                "/claudio/maple/jobs/ABC/poll", "/control/accounts")) {
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, get.statusCode(), "GET " + path);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"secret\":\"s\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, post.statusCode(), "POST " + path);
        }
    }

    @Test
    void noSandboxTableExists() throws Exception {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD);
                ResultSet tables = db.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertTrue(names.contains("tenant") && names.contains("job"), "the portal's own tables are there: " + names);
            assertEquals(List.of(), names.stream().filter(n -> n.toLowerCase().startsWith("sandbox")).toList());
        }
    }

    @Test
    void thePackagedApplicationShipsNoSandboxClass() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.walk(APP)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertTrue(jars.size() > 50, "the application's jars: " + jars.size());
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith("com/claudioportal/sandbox/") || name.startsWith("sandbox/")) {
                        found.add(jar.getFileName() + "!" + name);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
        try (Stream<Path> files = Files.walk(APP)) {
            assertEquals(List.of(), files.filter(f -> f.toString().contains("com/claudioportal/sandbox")).toList());
        }
    }

    @Test
    void productionSendsHstsAndMarksSignInCookiesSecure() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(home.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"), home.headers().toString());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), "sent to the identity provider");
        assertTrue(login.headers().firstValue("Location").orElse("").startsWith("http://localhost:" + identityProvider.port() + "/realms/"));
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertTrue(!cookies.isEmpty(), "the sign-in sets its state cookie");
        for (String cookie : cookies) {
            // attribute names are case-insensitive (RFC 6265 §5.2); Vert.x writes "HTTPOnly"
            List<String> attributes = Stream.of(cookie.split(";")).skip(1).map(a -> a.strip().split("=", 2)[0].toLowerCase(java.util.Locale.ROOT)).toList();
            assertTrue(attributes.contains("secure"), cookie.replaceAll("=[^;]*", "=…"));
            assertTrue(attributes.contains("httponly"), cookie.replaceAll("=[^;]*", "=…"));
        }
    }

    @Test
    void productionsCsrfCookieIsHostPrefixedAndPagesAreNotStored() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("no-store", home.headers().firstValue("Cache-Control").orElse(""), home.headers().toString());
        List<String> csrf = home.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-portal-csrf=")).toList();
        assertEquals(1, csrf.size(), "the CSRF cookie is __Host- prefixed: " + home.headers().allValues("Set-Cookie").stream()
                .map(c -> c.replaceAll("=[^;]*", "=…")).toList());
        String cookie = csrf.get(0);
        // a browser takes a __Host- cookie only with Secure, Path=/ and no Domain (the message hides the token)
        assertTrue(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.toLowerCase().contains("domain="),
                cookie.replaceFirst("=[^;]*", "=…"));
        assertTrue(home.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("portal-csrf=")));
        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(url + "/css/portal.css")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, css.statusCode());
        assertTrue(!css.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "static assets stay cacheable");
    }
}
