package com.claudioportal.infra;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * RestAssured requests the way a browser sends them: unsafe methods carry the CSRF cookie and
 * token, taken from a page the current user can open.
 */
public final class WebClient {

    private WebClient() {
    }

    /** A form post as the browser sends it (CSRF cookie and token from {@code pageWithToken}); add the fields and post. */
    public static RequestSpecification form(String pageWithToken) {
        Response page = given().get(pageWithToken);
        String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        String cookie = page.getCookie("portal-csrf");
        if (token == null || cookie == null) {
            throw new IllegalStateException("No CSRF token on " + pageWithToken + " (status " + page.statusCode() + ")");
        }
        return given().redirects().follow(false).cookie("portal-csrf", cookie)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token);
    }

    public static Response send(String method, String path, String pageWithToken) {
        RequestSpecification spec = given().redirects().follow(false);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Response page = given().get(pageWithToken);
            String token = page.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
            String cookie = page.getCookie("portal-csrf");
            if (token == null || cookie == null) {
                throw new IllegalStateException("No CSRF token on " + pageWithToken + " (status " + page.statusCode() + ")");
            }
            spec = spec.cookie("portal-csrf", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", token);
        }
        return spec.request(method, path);
    }
}
