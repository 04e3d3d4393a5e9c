package com.claudioportal.upload;

import java.text.NumberFormat;

import com.claudioportal.forms.Words;
import com.claudioportal.web.ScriptMessages;

/**
 * File sizes for people, in the reader's language: 250 MB, 1.2 GB, 850 KB — or 250 Mo, 1,2 Go, 850 Ko
 * for a French reader (decimal units, like the vendor's "250 MB"). The one formatter of sizes: pages and
 * refusals say a size this way, and the browser (portal.js PortalWords.size) takes the same steps with
 * the same words (web.ScriptMessages size_*). Outside a request (mails, the scheduler) it is English.
 */
public final class Sizes {

    private Sizes() {
    }

    public static String human(long bytes) {
        ScriptMessages words = Words.of(ScriptMessages.class);
        if (bytes >= 1_000_000_000L) {
            NumberFormat one = NumberFormat.getNumberInstance(Words.locale());
            one.setMinimumFractionDigits(1);
            one.setMaximumFractionDigits(1);
            return words.size_gb(one.format(bytes / 1e9));
        }
        if (bytes >= 1_000_000L) {
            return words.size_mb(String.valueOf(Math.round(bytes / 1e6)));
        }
        if (bytes >= 1_000L) {
            return words.size_kb(String.valueOf(Math.round(bytes / 1e3)));
        }
        return words.size_bytes(String.valueOf(bytes));
    }
}
