package com.claudioportal.tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

/**
 * Every entity class of the portal, found by walking the compiled classes (target/classes), so that
 * a new entity is checked without anyone listing it; loaded by the test's own class loader.
 */
final class EntityScan {

    private EntityScan() {
    }

    /** The portal's {@code @Entity} classes, by name. */
    static List<Class<?>> entities() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EntityScan::load)
                    .filter(c -> c.isAnnotationPresent(Entity.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .<Class<?>> map(c -> c)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EntityScan.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
