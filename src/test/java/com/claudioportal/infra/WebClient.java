package com.claudioportal.infra;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * RestAssured requests the way a browser sends them: unsafe methods carry the CSRF cookie and
 * token, taken from a page the current user can open.
 */
public final class WebClient {

    private WebClient() {
    }

    /** The CSRF cookie and the token a page carries (unsigned double submit: the pair stays valid). */
    public record Csrf(String cookie, String token) {

        /** A request with the cookie and the token as a form field, in UTF-8 as a browser sends it (RestAssured's default, ISO-8859-1, turns "–" into "?"). */
        public RequestSpecification form() {
            return given().redirects().follow(false).cookie("portal-csrf", cookie)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token);
        }

        /** A request with the cookie and the token in the header, as the submit page's script sends uploads. */
        public RequestSpecification header() {
            return given().redirects().follow(false).cookie("portal-csrf", cookie).header("X-CSRF-TOKEN", token);
        }
    }

    /**
     * A form post as the browser sends it (CSRF cookie and token from {@code pageWithToken}, UTF-8 for
     * accented values); add the fields and post.
     */
    public static RequestSpecification form(String pageWithToken) {
        Csrf csrf = csrf(pageWithToken);
        return given().redirects().follow(false).cookie("portal-csrf", csrf.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf.token());
    }

    /** The CSRF pair from a page the current user may open. */
    public static Csrf csrf(String pageWithToken) {
        Response page = given().get(pageWithToken);
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        String cookie = page.getCookie("portal-csrf");
        if (token == null || cookie == null) {
            throw new IllegalStateException("No CSRF token on " + pageWithToken + " (status " + page.statusCode() + ")");
        }
        return new Csrf(cookie, token);
    }

    public static Response send(String method, String path, String pageWithToken) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return given().redirects().follow(false).request(method, path);
        }
        return csrf(pageWithToken).form().request(method, path);
    }

    /** A GET, or a form post (each value a single string or a list of strings) with the CSRF pair. */
    public static Response send(String method, String path, Csrf csrf, Map<String, ?> form) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return given().redirects().follow(false).urlEncodingEnabled(false).request(method, path);
        }
        RequestSpecification spec = csrf.form();
        for (Map.Entry<String, ?> field : form.entrySet()) {
            if (field.getValue() instanceof List<?> values) {
                spec = spec.formParam(field.getKey(), values.toArray());
            } else {
                spec = spec.formParam(field.getKey(), field.getValue());
            }
        }
        return spec.request(method, path);
    }

    /** An upload as the submit page sends it: the file as the body, its name URL-encoded in a header. */
    public static Response upload(String tenant, String kind, Path file, String filename, Csrf csrf) {
        return csrf.header().contentType("application/octet-stream")
                .header("X-File-Name", java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .body(file.toFile()).post("/t/" + tenant + "/uploads?kind=" + kind);
    }
}
