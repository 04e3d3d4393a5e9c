package com.claudioportal.upload;

/** File sizes for people: 250 MB, 1.2 GB, 850 KB (decimal units, like the vendor's "250 MB"). */
public final class Sizes {

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format("%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return Math.round(bytes / 1e6) + " MB";
        }
        if (bytes >= 1_000L) {
            return Math.round(bytes / 1e3) + " KB";
        }
        return bytes + " bytes";
    }
}
