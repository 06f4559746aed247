package io.postventa.ticket.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.web.Texts;

/**
 * Gives a contact its reason: the IVR option the caller chose if it maps to one, else the keywords of every
 * language the service speaks (from its text bundles) found in subject and message weighed together with what the order is doing (a contact about an order still
 * on its way is most likely "where is my order?").
 */
public final class ContactReasonClassifier {

    /** What is known of the order a contact is about; null fields mean unknown. */
    public record OrderContext(OrderStatus status, boolean delayed) {
        public static final OrderContext NONE = new OrderContext(null, false);
    }

    /** The outcome: the reason, how it was found, and the message's language (one of the bundles', or null). */
    public record Classification(ContactReason reason, ReasonSource source, String language) {
    }

    private static final Set<OrderStatus> ON_ITS_WAY = Set.of(OrderStatus.PLACED, OrderStatus.PAID,
            OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.OUT_FOR_DELIVERY,
            OrderStatus.DELIVERY_FAILED, OrderStatus.AVAILABLE_FOR_PICKUP, OrderStatus.EXCEPTION);

    /** The IVR menu shipped in application.properties ({@code ticket.ivr.options}), for a classifier built alone. */
    public static final Map<String, ContactReason> DEFAULT_IVR = Map.of(
            "1", ContactReason.WHERE_IS_MY_ORDER,
            "2", ContactReason.RETURN_REQUEST,
            "3", ContactReason.DAMAGED_ITEM,
            "4", ContactReason.MODIFY_ORDER,
            "5", ContactReason.INVOICE_COPY,
            "6", ContactReason.PRE_SALE,
            "9", ContactReason.OTHER);

    /** The languages of a classifier built alone; the service's list is {@code ticket.languages}. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt");

    /** A keyword as {@link TextNormalizer#words} writes it, normalised once rather than for every contact. */
    private record Keyword(String words, boolean phrase) {
    }

    private final Map<String, ContactReason> ivrOptions;
    /** Every language's keywords of a reason, together: a message may mix languages. */
    private final Map<ContactReason, List<Keyword>> keywords = new EnumMap<>(ContactReason.class);
    /** Each language's common words, in the order of the languages (the first wins a tie). */
    private final Map<String, Set<String>> languageWords = new LinkedHashMap<>();

    /**
     * A classifier with this IVR menu and the keywords and common words of every language of {@code texts}
     * ({@code keywords.<REASON>} and {@code language.words} of each bundle).
     */
    public ContactReasonClassifier(Map<String, ContactReason> ivrOptions, Texts texts) {
        this.ivrOptions = Map.copyOf(ivrOptions);
        for (ContactReason reason : ContactReason.values()) {
            List<Keyword> words = new ArrayList<>();
            for (String language : texts.languages()) {
                list(texts, language, "keywords." + reason.name()).forEach(keyword ->
                        words.add(new Keyword(TextNormalizer.words(keyword), keyword.indexOf(' ') > 0)));
            }
            if (!words.isEmpty()) {
                keywords.put(reason, List.copyOf(words));
            }
        }
        for (String language : texts.languages()) {
            languageWords.put(language, list(texts, language, "language.words").stream()
                    .map(w -> TextNormalizer.words(w).trim()).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** A language's own list of words ({@code a|b|c} in its bundle), never the default language's. */
    private static List<String> list(Texts texts, String language, String key) {
        return texts.own(language, key).stream().flatMap(value -> Arrays.stream(value.split("\\|")))
                .filter(item -> !item.isBlank()).map(String::trim).toList();
    }

    /** A classifier with the default IVR menu and the bundles of the default languages. */
    public static ContactReasonClassifier withDefaults() {
        return new ContactReasonClassifier(DEFAULT_IVR, TicketTexts.load(DEFAULT_LANGUAGES));
    }

    /** Whether {@code option} is on the IVR menu. */
    public boolean isIvrOption(String option) {
        return option != null && ivrOptions.containsKey(option.trim());
    }

    public Classification classify(String ivrOption, String subject, String message, OrderContext order) {
        OrderContext context = order == null ? OrderContext.NONE : order;
        String text = TextNormalizer.words((subject == null ? "" : subject) + " . " + (message == null ? "" : message));
        String language = detectLanguage(text);
        if (ivrOption != null && ivrOptions.containsKey(ivrOption.trim())) {
            return new Classification(ivrOptions.get(ivrOption.trim()), ReasonSource.IVR, language);
        }
        Map<ContactReason, Integer> scores = new EnumMap<>(ContactReason.class);
        keywords.forEach((reason, words) -> {
            int score = 0;
            for (Keyword keyword : words) {
                if (text.contains(keyword.words())) {
                    // a phrase says more than a single word
                    score += keyword.phrase() ? 3 : 2;
                }
            }
            if (score > 0) {
                scores.put(reason, score);
            }
        });
        applyOrderContext(scores, context);
        ContactReason best = ContactReason.OTHER;
        int bestScore = 0;
        for (ContactReason reason : ContactReason.values()) { // enum order breaks ties: the taxonomy's order
            int score = scores.getOrDefault(reason, 0);
            if (score > bestScore) {
                best = reason;
                bestScore = score;
            }
        }
        if (bestScore == 0 && context.status() != null && ON_ITS_WAY.contains(context.status())) {
            best = ContactReason.WHERE_IS_MY_ORDER; // nothing said, but the order has not arrived
        }
        return new Classification(best, ReasonSource.CLASSIFIER, language);
    }

    private static void applyOrderContext(Map<ContactReason, Integer> scores, OrderContext context) {
        if (context.status() == null) {
            return;
        }
        if (ON_ITS_WAY.contains(context.status())) {
            scores.computeIfPresent(ContactReason.WHERE_IS_MY_ORDER, (r, s) -> s + (context.delayed() ? 3 : 2));
            // an item that has not arrived cannot be damaged, wrong or incomplete yet
            scores.computeIfPresent(ContactReason.DAMAGED_ITEM, (r, s) -> s / 2);
            scores.computeIfPresent(ContactReason.WRONG_ITEM, (r, s) -> s / 2);
            scores.computeIfPresent(ContactReason.MISSING_PARTS, (r, s) -> s / 2);
        } else if (context.status() == OrderStatus.DELIVERED) {
            // once delivered, "late" or "not arrived" words usually describe the item, not the parcel
            scores.computeIfPresent(ContactReason.WHERE_IS_MY_ORDER, (r, s) -> s / 2);
            scores.computeIfPresent(ContactReason.CHANGE_ADDRESS, (r, s) -> s / 2);
        }
        // a contact about an order already placed is not a pre-sale question
        scores.computeIfPresent(ContactReason.PRE_SALE, (r, s) -> s / 3);
    }

    /** The language whose common words the text uses most (the first listed wins a tie); null when none shows. */
    String detectLanguage(String words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        languageWords.keySet().forEach(language -> counts.put(language, 0));
        for (String word : words.trim().split(" ")) {
            languageWords.forEach((language, common) -> {
                if (common.contains(word)) {
                    counts.merge(language, 1, Integer::sum);
                }
            });
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (count.getValue() > bestCount) {
                best = count.getKey();
                bestCount = count.getValue();
            }
        }
        return best;
    }
}
