package io.postventa.ticket.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ReasonSource;

/**
 * Gives a contact its reason: the IVR option the caller chose if it maps to one, else the Spanish and English
 * keywords of subject and message weighed together with what the order is doing (a contact about an order still
 * on its way is most likely "where is my order?").
 */
public final class ContactReasonClassifier {

    /** What is known of the order a contact is about; null fields mean unknown. */
    public record OrderContext(OrderStatus status, boolean delayed) {
        public static final OrderContext NONE = new OrderContext(null, false);
    }

    /** The outcome: the reason, how it was found, and the message's language (es, en, or null). */
    public record Classification(ContactReason reason, ReasonSource source, String language) {
    }

    private static final Set<OrderStatus> ON_ITS_WAY = Set.of(OrderStatus.PLACED, OrderStatus.PAID,
            OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.OUT_FOR_DELIVERY,
            OrderStatus.DELIVERY_FAILED, OrderStatus.AVAILABLE_FOR_PICKUP, OrderStatus.EXCEPTION);

    /** Default IVR menu: "1 where is my order, 2 returns, 3 a problem with the item, 4 change the order, 5 invoices, 6 buying". */
    public static final Map<String, ContactReason> DEFAULT_IVR = Map.of(
            "1", ContactReason.WHERE_IS_MY_ORDER,
            "2", ContactReason.RETURN_REQUEST,
            "3", ContactReason.DAMAGED_ITEM,
            "4", ContactReason.MODIFY_ORDER,
            "5", ContactReason.INVOICE_COPY,
            "6", ContactReason.PRE_SALE,
            "9", ContactReason.OTHER);

    private static final Map<ContactReason, List<String>> KEYWORDS = new EnumMap<>(ContactReason.class);

    static {
        KEYWORDS.put(ContactReason.WHERE_IS_MY_ORDER, List.of(
                "donde esta mi pedido", "donde esta", "no ha llegado", "no me ha llegado", "no llega", "aun no",
                "todavia no", "sigo esperando", "seguimiento", "rastreo", "numero de seguimiento", "cuando llega",
                "cuando llegara", "cuando me llega", "estado del pedido", "estado de mi pedido", "retraso",
                "retrasado", "llega tarde", "envio", "tracking", "where is my order", "where is my package",
                "where is my parcel", "where is", "not arrived", "hasn't arrived", "has not arrived",
                "not received", "haven't received", "still waiting", "track my order", "tracking number",
                "when will", "order status", "delivery status", "late", "delayed", "delay"));
        KEYWORDS.put(ContactReason.RETURN_REQUEST, List.of(
                "devolver", "devolucion", "devoluciones", "devolverlo", "devolverla", "reembolso", "desistimiento",
                "cambio de talla", "cambiar la talla", "cambiar de talla", "no me queda", "no me gusta",
                "return", "returns", "send back", "send it back", "refund", "exchange", "doesn't fit",
                "does not fit"));
        KEYWORDS.put(ContactReason.DAMAGED_ITEM, List.of(
                "roto", "rota", "rotos", "danado", "danada", "dañado", "dañada", "defectuoso", "defectuosa",
                "golpeado", "golpeada", "estropeado", "estropeada", "rayado", "rayada", "no funciona", "averiado",
                "broken", "damaged", "defective", "faulty", "doesn't work", "does not work", "not working",
                "cracked", "scratched", "smashed"));
        KEYWORDS.put(ContactReason.WRONG_ITEM, List.of(
                "equivocado", "equivocada", "producto incorrecto", "articulo incorrecto", "no es lo que pedi",
                "otro producto", "talla equivocada", "color equivocado", "me habeis enviado otro",
                "me han enviado otro", "no corresponde", "wrong item", "wrong product", "wrong size", "wrong color",
                "wrong colour", "not what i ordered", "different item", "incorrect item", "sent me the wrong"));
        KEYWORDS.put(ContactReason.MISSING_PARTS, List.of(
                "falta", "faltan", "faltaba", "faltaban", "incompleto", "incompleta", "no venia", "no venian",
                "solo ha llegado", "solo me ha llegado", "piezas", "pieza", "missing", "incomplete",
                "only received", "part of my order", "not included", "pieces"));
        KEYWORDS.put(ContactReason.CHANGE_ADDRESS, List.of(
                "cambiar la direccion", "cambiar direccion", "cambiar mi direccion", "direccion de entrega",
                "direccion de envio", "codigo postal", "equivocado de direccion", "otra direccion",
                "change address", "change the address", "change my address", "delivery address",
                "shipping address", "wrong address", "postcode", "zip code"));
        KEYWORDS.put(ContactReason.MODIFY_ORDER, List.of(
                "modificar el pedido", "modificar mi pedido", "modificar pedido", "cambiar el pedido",
                "anadir", "añadir", "quitar un producto", "quitar", "cancelar", "anular", "modify my order",
                "change my order", "add an item", "add to my order", "remove an item", "remove", "cancel"));
        KEYWORDS.put(ContactReason.INVOICE_COPY, List.of(
                "factura", "facturas", "copia de la factura", "nif", "cif", "ticket de compra", "invoice",
                "invoices", "receipt", "vat", "bill"));
        KEYWORDS.put(ContactReason.PRODUCT_QUESTION, List.of(
                "como se usa", "como funciona", "instrucciones", "garantia", "manual", "compatible", "montaje",
                "how to use", "how do i use", "how does", "instructions", "warranty", "manual", "compatible",
                "assemble"));
        KEYWORDS.put(ContactReason.PRE_SALE, List.of(
                "antes de comprar", "quiero comprar", "me gustaria comprar", "teneis stock", "tienen stock",
                "hay stock", "disponible", "disponibilidad", "precio", "descuento", "cupon", "envios a",
                "gastos de envio", "cuanto tarda", "before buying", "want to buy", "would like to buy",
                "in stock", "available", "availability", "price", "discount", "coupon", "do you ship",
                "shipping cost", "how long does shipping"));
    }

    /** A keyword as {@link TextNormalizer#words} writes it, normalised once rather than for every contact. */
    private record Keyword(String words, boolean phrase) {
    }

    private static final Map<ContactReason, List<Keyword>> NORMALIZED = new EnumMap<>(ContactReason.class);

    static {
        KEYWORDS.forEach((reason, keywords) -> NORMALIZED.put(reason, keywords.stream()
                .map(keyword -> new Keyword(TextNormalizer.words(keyword), keyword.indexOf(' ') > 0)).toList()));
    }

    private static final Set<String> SPANISH = Set.of("el", "la", "de", "que", "mi", "pedido", "no", "por", "para",
            "es", "y", "con", "los", "las", "una", "un", "hola", "gracias", "esta", "he", "me", "ha", "todavia",
            "cuando", "donde", "buenas", "quiero", "saludos");
    private static final Set<String> ENGLISH = Set.of("the", "my", "is", "to", "and", "of", "it", "not", "order",
            "hello", "hi", "thanks", "thank", "i", "have", "was", "where", "when", "you", "please", "want", "with",
            "has", "this", "received");

    private final Map<String, ContactReason> ivrOptions;

    public ContactReasonClassifier(Map<String, ContactReason> ivrOptions) {
        this.ivrOptions = Map.copyOf(ivrOptions);
    }

    /** A classifier with the default IVR menu. */
    public static ContactReasonClassifier withDefaults() {
        return new ContactReasonClassifier(DEFAULT_IVR);
    }

    public Classification classify(String ivrOption, String subject, String message, OrderContext order) {
        OrderContext context = order == null ? OrderContext.NONE : order;
        String text = TextNormalizer.words((subject == null ? "" : subject) + " . " + (message == null ? "" : message));
        String language = detectLanguage(text);
        if (ivrOption != null && ivrOptions.containsKey(ivrOption.trim())) {
            return new Classification(ivrOptions.get(ivrOption.trim()), ReasonSource.IVR, language);
        }
        Map<ContactReason, Integer> scores = new EnumMap<>(ContactReason.class);
        NORMALIZED.forEach((reason, keywords) -> {
            int score = 0;
            for (Keyword keyword : keywords) {
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

    /** "es" or "en" by counting common words; null when neither shows. */
    static String detectLanguage(String words) {
        int es = 0;
        int en = 0;
        for (String word : words.trim().split(" ")) {
            if (SPANISH.contains(word)) {
                es++;
            }
            if (ENGLISH.contains(word)) {
                en++;
            }
        }
        if (words.contains("ñ")) {
            es++;
        }
        if (es == 0 && en == 0) {
            return null;
        }
        return es >= en ? "es" : "en";
    }
}
