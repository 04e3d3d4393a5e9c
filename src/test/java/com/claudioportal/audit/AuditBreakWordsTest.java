package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Why a verification found a log broken is kept in English (the signed checkpoint, the log line) and read
 * back for the page in the reader's language: every {@code brk_} message of AuditMessages comes back as
 * itself with the same arguments, in French and in English.
 */
@QuarkusTest
class AuditBreakWordsTest {

    @Test
    void everyReasonKeptInEnglishIsReadBackInTheReadersLanguage() throws ReflectiveOperationException {
        AuditMessages english = MessageBundles.get(AuditMessages.class, Localized.Literal.of("en"));
        AuditMessages french = MessageBundles.get(AuditMessages.class, Localized.Literal.of("fr"));
        int reasons = 0;
        for (Method message : AuditMessages.class.getMethods()) {
            if (!message.getName().startsWith("brk_")) {
                continue;
            }
            reasons++;
            Parameter[] parameters = message.getParameters();
            Object[] args = new Object[parameters.length];
            for (int i = 0; i < args.length; i++) {
                // a different number for each parameter, so a range read back the wrong way round fails
                args[i] = parameters[i].getType() == long.class ? (Object) (40L + i)
                        : parameters[i].getName().equals("at") ? "2026-03-31 08:15:00" : "retired-key-" + i;
            }
            String kept = (String) message.invoke(english, args);
            assertEquals(message.invoke(french, args), AuditVerifier.reworded(kept, french), message.getName());
            assertEquals(kept, AuditVerifier.reworded(kept, english), message.getName());
        }
        assertEquals(14, reasons, "the reasons AuditVerifier gives");
        assertEquals("L'événement n° 9 manque.", AuditVerifier.reworded("Event #9 is missing.", french));
        assertEquals("Les événements n° 5 à 7 ont été supprimés : le 2026-03-31 08:15:00 UTC, le journal atteignait le n° 7.",
                AuditVerifier.reworded("Events #5 to #7 were removed: on 2026-03-31 08:15:00 UTC the log reached #7.", french));
        // a seq said twice must be the same number twice, else it is not this message
        String unlike = "Event #5 was removed: on 2026-03-31 08:15:00 UTC the log reached #6.";
        assertEquals(unlike, AuditVerifier.reworded(unlike, french));
        assertEquals("Something an older portal wrote.", AuditVerifier.reworded("Something an older portal wrote.", french),
                "text no message matches is shown as kept");
    }
}
