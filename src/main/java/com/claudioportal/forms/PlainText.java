package com.claudioportal.forms;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation for {@link TextInput}'s rules on a {@code @RestForm} field: at most
 * {@link #max()} characters, no control characters, and on one line no direction overrides.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    int max();

    TextInput.Lines lines() default TextInput.Lines.SINGLE;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, String> {

        private int max;
        private TextInput.Lines lines;

        @Override
        public void initialize(PlainText annotation) {
            max = annotation.max();
            lines = annotation.lines();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = TextInput.problem(value, max, lines);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$")).addConstraintViolation();
            return false;
        }
    }
}
