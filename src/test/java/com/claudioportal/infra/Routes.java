package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

/**
 * Every HTTP route the portal's JAX-RS resources declare, found by reading the compiled classes.
 * Security tests iterate over it, so a new page is covered by them without anyone editing them.
 */
public final class Routes {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)(:[^}]*)?}");

    public record Route(String method, String template, Method handler) {

        public List<String> params() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        public boolean isTenantRoute() {
            return template.startsWith("/t/{tenant}");
        }

        /** The path with each parameter replaced by {@code values.apply(name)}. */
        public String expand(java.util.function.Function<String, String> values) {
            return Routes.expand(template, values);
        }

        public <A extends Annotation> A annotation(Class<A> type) {
            A onMethod = handler.getAnnotation(type);
            return onMethod != null ? onMethod : handler.getDeclaringClass().getAnnotation(type);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** {@code template} with each {name} replaced by {@code values.apply(name)}. */
    public static String expand(String template, java.util.function.Function<String, String> values) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Routes() {
    }

    public static List<Route> all() {
        Path classes = Path.of("target", "classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    routes.add(new Route(verb, join(classPath.value(), methodPath == null ? "" : methodPath.value()), method));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
