package com.claudioportal.notifications;

import java.util.Locale;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Maps the one agreed setting {@code SMTP_TLS} ({@code none | starttls | tls}, read as
 * {@code portal.mail.tls}) onto Quarkus Mailer's two ({@code quarkus.mailer.tls}: TLS from the
 * first byte, port 465; {@code quarkus.mailer.start-tls}: upgrade after connecting, port 587).
 * An explicit {@code quarkus.mailer.*} value still wins. Registered in META-INF/services.
 */
public class SmtpTlsInterceptor implements ConfigSourceInterceptor {

    static final String TLS = "quarkus.mailer.tls";
    static final String START_TLS = "quarkus.mailer.start-tls";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !(TLS.equals(name) || START_TLS.equals(name))) {
            return value;
        }
        ConfigValue mode = context.proceed("portal.mail.tls");
        if (mode == null || mode.getValue() == null) {
            return null;
        }
        String m = mode.getValue().trim().toLowerCase(Locale.ROOT);
        String mapped = TLS.equals(name) ? String.valueOf("tls".equals(m)) : ("starttls".equals(m) ? "REQUIRED" : "DISABLED");
        return mode.withName(name).withValue(mapped);
    }
}
