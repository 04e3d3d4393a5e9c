package com.claudioportal.turnaround;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The turnaround page's words in English and French (the portal's two languages), chosen from
 * {@code ?lang=} or the browser's Accept-Language. Numbers and dates follow the language.
 */
public record Words(String lang, String title, String intro, String turnaroundTitle, String turnaroundHelp, String median, String p90,
        String hours, String week, String jobsPerDayTitle, String jobsPerDayHelp, String day, String completed, String failed,
        String cancelled, String open, String lateTitle, String lateHelp, String late, String noData, String dataTable, String profile,
        String jobs, String otherLanguage, String otherLang, String timesUtc, String axes, String tableBelow) {

    static final Words EN = new Words("en", "Turnaround", "How long transcripts take, how many jobs arrive and end each day, and how many are late.",
            "Turnaround per week: %s", "Hours from saving the job to the transcript, for jobs completed that week (last 12 weeks).",
            "Median", "90th percentile", "hours", "Week of", "Jobs per day by outcome",
            "Jobs saved each day of the last 28 days, by what became of them.", "Day", "Completed", "Failed", "Cancelled", "Still open",
            "Late jobs per week", "Jobs due that week that were completed after their due time or are still open past it.", "Late",
            "no jobs", "Data table", "Profile", "jobs", "Français", "fr", "Weeks and days are in UTC.",
            "Vertical axis: %s; horizontal axis: %s.", "The figures are in the data table below the chart.");

    static final Words FR = new Words("fr", "Délais", "Le temps que prennent les transcriptions, les travaux reçus et terminés chaque jour, et ceux en retard.",
            "Délai par semaine : %s", "Heures entre l\u2019enregistrement du travail et la transcription, pour les travaux terminés cette semaine-là (12 dernières semaines).",
            "Médiane", "90e centile", "heures", "Semaine du", "Travaux par jour selon l\u2019issue",
            "Travaux enregistrés chaque jour des 28 derniers jours, selon ce qu\u2019ils sont devenus.", "Jour", "Terminés", "Échoués",
            "Annulés", "En cours", "Travaux en retard par semaine",
            "Travaux dus cette semaine-là, terminés après l\u2019échéance ou encore ouverts après elle.", "En retard", "aucun travail",
            "Tableau des données", "Profil", "travaux", "English", "en", "Les semaines et les jours sont en UTC.",
            "Axe vertical : %s ; axe horizontal : %s.", "Les chiffres figurent dans le tableau des données sous le graphique.");

    /** {@code lang} from the query wins; otherwise the first supported language the browser accepts. */
    static Words choose(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return lang.trim().toLowerCase(Locale.ROOT).startsWith("fr") ? FR : EN;
        }
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (tag.startsWith("fr")) {
                    return FR;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        }
        return EN;
    }

    public Locale locale() {
        return "fr".equals(lang) ? Locale.CANADA_FRENCH : Locale.ENGLISH;
    }

    /** A figure as people of this language write it: "4.5" or "4,5". */
    public String number(Double value) {
        if (value == null) {
            return "\u2014";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(value == Math.rint(value) ? 0 : 1);
        return f.format(value);
    }

    String shortDate(LocalDate d) {
        return DateTimeFormatter.ofPattern("fr".equals(lang) ? "d MMM" : "MMM d", locale()).format(d);
    }

    /** The SVG's description for screen readers: what the axes show (the chart's help text precedes it). */
    public String axes(Chart chart) {
        return String.format(axes, chart.unit(), chart.labelHeading().toLowerCase(locale())) + " " + tableBelow;
    }

    public String turnaroundTitle(String profile) {
        return String.format(turnaroundTitle, profile);
    }
}
