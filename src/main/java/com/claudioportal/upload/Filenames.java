package com.claudioportal.upload;

import java.text.Normalizer;

/**
 * Makes a browser-supplied file name safe to keep and to send on: no directories, no control or
 * reserved characters, a sane length, the extension kept. The stored file itself is named by a
 * random id, so the name is only ever shown and forwarded, never used as a path.
 */
public final class Filenames {

    private Filenames() {
    }

    public static String sanitize(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        // invisible format characters (direction overrides, zero-width spaces) would make the name read differently
        n = n.replaceAll("\\p{Cf}", "");
        n = n.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").replaceAll("\\s+", " ").strip();
        n = n.replaceAll("^\\.+", "");
        if (n.isBlank()) {
            return "file";
        }
        if (n.length() > 180) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 180 - ext.length()) + ext;
        }
        return n;
    }
}
