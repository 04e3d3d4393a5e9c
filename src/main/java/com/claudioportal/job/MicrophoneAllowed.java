package com.claudioportal.job;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Pages that may use the microphone (the new-job forms, for dictating in the browser): their
 * answers carry {@code Permissions-Policy: microphone=(self)} instead of the portal-wide
 * {@code microphone=()} ({@link MicrophonePolicy}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface MicrophoneAllowed {
}
