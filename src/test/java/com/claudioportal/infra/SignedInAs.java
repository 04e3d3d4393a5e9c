package com.claudioportal.infra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test method (or every test of the class) runs signed in as {@code value}, a person whose
 * identity provider has verified that e-mail address, with the platform {@code roles}: what
 * {@code @TestSecurity(user = value, roles = roles)} with {@code @OidcSecurity} claims {@code email}
 * and {@code email_verified = true} said in three lines. Set before the {@code @BeforeEach} methods
 * and cleared after the test, like them, by {@link SignedInAsCallback} through {@link SignIn}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SignedInAs {

    /** The verified e-mail address, also the principal's name. */
    String value();

    String[] roles() default {};
}
