package com.claudioportal.infra;

import java.lang.reflect.Method;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Signs a Quarkus test in as its {@link SignedInAs} person before each test (before its
 * {@code @BeforeEach} methods, where Quarkus' own {@code @TestSecurity} does it) and out after it.
 * Registered in META-INF/services; the method's annotation wins over the class's.
 */
public final class SignedInAsCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        SignedInAs person = person(context);
        if (person != null) {
            SignIn.as(person.value(), person.roles()).begin();
        }
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        if (person(context) != null) {
            SignIn.end();
        }
    }

    /** Read from the test instance's own class: the method in the context may be another class loader's copy. */
    private static SignedInAs person(QuarkusTestMethodContext context) {
        Class<?> testClass = context.getTestInstance().getClass();
        for (Method method : testClass.getDeclaredMethods()) {
            if (method.getName().equals(context.getTestMethod().getName())
                    && method.getParameterCount() == context.getTestMethod().getParameterCount()
                    && method.isAnnotationPresent(SignedInAs.class)) {
                return method.getAnnotation(SignedInAs.class);
            }
        }
        return testClass.getAnnotation(SignedInAs.class);
    }
}
