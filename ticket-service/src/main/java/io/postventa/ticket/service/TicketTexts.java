package io.postventa.ticket.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.domain.ContactReasonClassifier;
import io.postventa.ticket.domain.ReplyText;
import io.postventa.web.Texts;

/**
 * Where this service's customer-facing texts are: {@code texts/texts_<language>.properties} (automatic answers,
 * status phrases, IVR prompts, classifier keywords, acknowledgements, notes), read by platform/web's {@link Texts};
 * and the rules that are built from them (the classifier's keywords, a reply's quote headers), so the rules in
 * domain get plain lists and stay free of the bundles.
 */
public final class TicketTexts {
    /** The files' name before {@code _<language>.properties}. */
    public static final String BUNDLE = "texts/texts";
    /** The languages of a classifier built alone; the service's list is {@code ticket.languages}. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt");

    private TicketTexts() {
    }

    /** The texts of {@code languages} (ISO 639-1 codes), the first being the default. */
    public static Texts load(List<String> languages) {
        return Texts.load(TicketTexts.class, BUNDLE, languages);
    }

    /**
     * A classifier with this IVR menu and the keywords and common words of every language of {@code texts}
     * ({@code keywords.<REASON>} and {@code language.words} of each bundle, in the order of the languages).
     */
    public static ContactReasonClassifier classifier(Map<String, ContactReason> ivrOptions, Texts texts) {
        Map<ContactReason, List<String>> keywords = new EnumMap<>(ContactReason.class);
        for (ContactReason reason : ContactReason.values()) {
            List<String> words = new ArrayList<>();
            for (String language : texts.languages()) {
                words.addAll(list(texts, language, "keywords." + reason.name()));
            }
            keywords.put(reason, words);
        }
        Map<String, List<String>> languageWords = new LinkedHashMap<>();
        for (String language : texts.languages()) {
            languageWords.put(language, list(texts, language, "language.words"));
        }
        return new ContactReasonClassifier(ivrOptions, keywords, languageWords);
    }

    /** A classifier with the default IVR menu and the bundles of the default languages. */
    public static ContactReasonClassifier defaultClassifier() {
        return classifier(ContactReasonClassifier.DEFAULT_IVR, load(DEFAULT_LANGUAGES));
    }

    /** The quoted-history stripper with every language's {@code mail.quote-header} and {@code mail.quote-separator}. */
    public static ReplyText replyText(Texts texts) {
        List<String> headers = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        for (String language : texts.languages()) {
            texts.own(language, "mail.quote-header").ifPresent(headers::add);
            texts.own(language, "mail.quote-separator").ifPresent(separators::add);
        }
        return new ReplyText(headers, separators);
    }

    /** A target as words in the customer's language ("24 horas", "30 minutes"). */
    public static String duration(Texts texts, String language, Duration target) {
        long seconds = target.toSeconds();
        if (seconds % 86_400 == 0 && seconds >= 4 * 86_400) {
            return texts.format(language, "duration.days", seconds / 86_400);
        }
        if (seconds % 3_600 == 0) {
            return texts.format(language, "duration.hours", seconds / 3_600);
        }
        if (seconds % 60 == 0) {
            return texts.format(language, "duration.minutes", seconds / 60);
        }
        return texts.format(language, "duration.seconds", seconds);
    }

    /** A language's own list of words ({@code a|b|c} in its bundle), never the default language's. */
    private static List<String> list(Texts texts, String language, String key) {
        return texts.own(language, key).stream().flatMap(value -> Arrays.stream(value.split("\\|")))
                .filter(item -> !item.isBlank()).map(String::trim).toList();
    }
}
