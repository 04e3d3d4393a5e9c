package com.claudioportal.job;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * File names as people sort them: runs of digits compare as numbers ("dictée-2" before "dictée-10"),
 * the rest as words of a French or English clinic would (accents and case decide only between
 * names otherwise alike).
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    /** Letters alike whatever their accents and case ("dictee-3" between "Dictée-2" and "dictée-10")… */
    private final Collator words = Collator.getInstance(Locale.CANADA_FRENCH);
    /** …which decide only between names otherwise the same. */
    private final Collator tieBreak = Collator.getInstance(Locale.CANADA_FRENCH);

    private NaturalOrder() {
        words.setStrength(Collator.PRIMARY);
        tieBreak.setStrength(Collator.TERTIARY);
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int iEnd = run(a, i);
            int jEnd = run(b, j);
            String x = a.substring(i, iEnd);
            String y = b.substring(j, jEnd);
            boolean digits = Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j));
            int c = digits ? compareNumbers(x, y) : words.compare(x, y);
            if (c != 0) {
                return c;
            }
            i = iEnd;
            j = jEnd;
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : tieBreak.compare(a, b);
    }

    /** The end of the run of digits, or of other characters, that starts at {@code from}. */
    private static int run(String s, int from) {
        boolean digit = Character.isDigit(s.charAt(from));
        int end = from + 1;
        while (end < s.length() && Character.isDigit(s.charAt(end)) == digit) {
            end++;
        }
        return end;
    }

    /** Numbers of any length, without overflow: fewer significant digits is smaller. */
    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
