package io.postventa.demo;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.customers.MarketingConsents;
import io.postventa.events.orders.CancellationDetails;
import io.postventa.events.orders.CancellationReason;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orders.OrderPlacedDetails;
import io.postventa.events.orders.PaymentDetails;
import io.postventa.events.orders.PickupDetails;
import io.postventa.events.orders.ShipmentDetails;
import io.postventa.events.orders.ShipmentExceptionDetails;
import io.postventa.events.returns.ReturnResolution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated Spanish online store: makes up customers and orders and writes each order's script, the facts
 * its e-commerce platform publishes and what its customer does (contacts, a return), each at a real-time offset.
 *
 * <p>Time is compressed: an order's life of two to five days plays out in 15 to 40 seconds. Its facts are dated
 * in the past ({@code occurredAt} is back-dated so the last fact is dated "now"), which lets the services see a
 * promised date that has passed or a carrier that went quiet for days without anyone waiting for days, and
 * never dates an event in the future.
 *
 * <p>Deterministic for a seed and a start time; it does no I/O, so a test can check the mix it produces.
 */
public final class Storefront {
    static final ZoneId STORE_ZONE = ZoneId.of("Europe/Madrid");
    static final String SOURCE = "demo-shop-es";

    /** How an order's delivery goes. */
    public enum Fate {
        ON_TIME(62), DELAYED(12), FAILED_DELIVERY(8), PICKUP(6), EXCEPTION_DAMAGED(4), EXCEPTION_LOST(2), CANCELLED(6);

        final int weight;

        Fate(int weight) {
            this.weight = weight;
        }
    }

    /** A customer of the store, as its platform knows them. */
    public record Shopper(String customerId, String firstName, String lastName, String language, String email,
            String phone, String pushToken, LocalDate birthday, MarketingConsents consents, People.City city,
            String postcode) {

        String locale() {
            return "es".equals(language) ? "es-ES" : "en-GB";
        }

        CustomerUpserted upserted(Instant at) {
            return new CustomerUpserted(UUID.nameUUIDFromBytes((customerId + "@" + at).getBytes()).toString(),
                    customerId, at, SOURCE, email, phone, pushToken, firstName, lastName, language,
                    "Europe/Madrid", birthday, null, consents);
        }
    }

    /** Something the simulation does at a moment of an order's script. */
    public sealed interface Action permits Publish, Contact, RequestReturn {
    }

    /** Publish a fact on orders.lifecycle.v1. */
    public record Publish(OrderLifecycleEvent event) implements Action {
    }

    /**
     * The customer gets in touch through {@code POST /api/v1/contacts}. {@code intended} is what the customer
     * means; ticket-service finds the reason on its own.
     */
    public record Contact(ContactChannel channel, ContactReason intended, String subject, String message,
            String ivrOption, String orderId, String language) implements Action {
    }

    /** One line the customer wants to return. */
    public record ReturnLineIntent(String sku, int quantity, ReturnReason reason) {
    }

    /** The customer asks for a return through returns-service's API; {@code risky} when the store should look. */
    public record RequestReturn(String orderId, List<ReturnLineIntent> lines, ReturnResolution resolution,
            String comment, boolean risky) implements Action {
    }

    /** One step: {@code at} is the real time from the script's start. */
    public record Step(Duration at, Action action) {
    }

    /** One order and everything that happens around it. */
    public record OrderScript(String orderId, Shopper shopper, boolean firstPurchase, Fate fate, List<OrderLine> lines,
            BigDecimal total, LocalDate promisedDate, Instant placedAt, List<Step> steps) {

        /** The facts it publishes on orders.lifecycle.v1, in order. */
        public List<OrderLifecycleEvent> events() {
            return steps.stream().map(Step::action).filter(Publish.class::isInstance)
                    .map(a -> ((Publish) a).event()).toList();
        }

        public List<Contact> contacts() {
            return steps.stream().map(Step::action).filter(Contact.class::isInstance).map(Contact.class::cast).toList();
        }

        public List<RequestReturn> returns() {
            return steps.stream().map(Step::action).filter(RequestReturn.class::isInstance)
                    .map(RequestReturn.class::cast).toList();
        }
    }

    private final Random random;
    private final List<Shopper> shoppers = new ArrayList<>();
    private final Map<String, Integer> purchases = new LinkedHashMap<>();
    private final String runId;
    private int orderSequence;
    private int customerSequence;

    /** @param seed the same seed gives the same store; {@code runId} keeps ids apart between runs */
    public Storefront(long seed, String runId) {
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** The next order, placed by a returning customer about a third of the time, else by a new one. */
    public OrderScript nextOrder(Instant start) {
        boolean returning = !shoppers.isEmpty() && random.nextInt(100) < 30;
        Shopper shopper = returning ? shoppers.get(random.nextInt(shoppers.size())) : newShopper(start);
        int purchaseNumber = purchases.merge(shopper.customerId(), 1, Integer::sum);
        String orderId = "ORD-" + runId + "-" + String.format("%05d", ++orderSequence);
        Fate fate = pick(Fate.values(), f -> f.weight);
        return new ScriptBuilder(orderId, shopper, purchaseNumber == 1, fate, start).build();
    }

    /** The customers made up so far, newest last. */
    public List<Shopper> shoppers() {
        return List.copyOf(shoppers);
    }

    Shopper newShopper(Instant now) {
        boolean spanish = random.nextInt(100) < 78;
        String first = pick(spanish ? People.SPANISH_FIRST_NAMES : People.ENGLISH_FIRST_NAMES);
        String last = pick(spanish ? People.SPANISH_LAST_NAMES : People.ENGLISH_LAST_NAMES);
        if (spanish) {
            last = last + " " + pick(People.SPANISH_LAST_NAMES);
        }
        String id = "CUST-" + runId + "-" + String.format("%05d", ++customerSequence);
        String local = ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last.split(" ")[0]).toLowerCase(Locale.ROOT)
                + (random.nextInt(3) == 0 ? Integer.toString(random.nextInt(90) + 10) : "") + "." + customerSequence;
        String email = local + "@" + pick(People.MAIL_DOMAINS);
        String phone = random.nextInt(100) < 85
                ? (spanish ? "+346" + String.format("%08d", random.nextInt(100_000_000))
                        : "+447" + String.format("%09d", random.nextInt(1_000_000_000))) : null;
        String push = random.nextInt(100) < 40 ? "fcm:demo-" + UUID.nameUUIDFromBytes(id.getBytes()) : null;
        LocalDate today = now.atZone(STORE_ZONE).toLocalDate();
        LocalDate birthday;
        if (random.nextInt(100) < 4) {
            birthday = today.withYear(1970 + random.nextInt(35)); // a birthday today: personal-moment messages
        } else if (random.nextInt(100) < 75) {
            birthday = LocalDate.of(1955 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        } else {
            birthday = null;
        }
        MarketingConsents consents = new MarketingConsents(random.nextInt(100) < 70, phone != null && random.nextInt(100) < 25,
                phone != null && random.nextInt(100) < 35, push != null && random.nextInt(100) < 60);
        People.City city = pick(People.CITIES, People.City::weight);
        String postcode = city.postcodePrefix() + String.format("%02d", 1 + random.nextInt(40));
        Shopper s = new Shopper(id, first, last, spanish ? "es" : "en", email, phone, push, birthday, consents, city,
                postcode);
        shoppers.add(s);
        return s;
    }

    /** Builds one order's script: its lifecycle facts by fate, then the customer's contacts and return. */
    private final class ScriptBuilder {
        private final String orderId;
        private final Shopper shopper;
        private final boolean first;
        private final Fate fate;
        private final Instant start;
        private final List<Planned> planned = new ArrayList<>();
        private final List<Step> customerSteps = new ArrayList<>();
        private final Catalogue.Carrier carrier = pick(Catalogue.CARRIERS, Catalogue.Carrier::weight);
        private final String tracking;
        private List<OrderLine> lines;

        /** A lifecycle fact at a simulated offset from placement and a real offset from the script's start. */
        private record Planned(Duration sim, double realSeconds, OrderLifecycleEventType type, Detail detail) {
        }

        private record Detail(PaymentDetails payment, ShipmentDetails shipment, PickupDetails pickup,
                ShipmentExceptionDetails exception, CancellationDetails cancellation) {
            static final Detail NONE = new Detail(null, null, null, null, null);
        }

        ScriptBuilder(String orderId, Shopper shopper, boolean first, Fate fate, Instant start) {
            this.orderId = orderId;
            this.shopper = shopper;
            this.first = first;
            this.fate = fate;
            this.start = start;
            this.tracking = carrier.trackingPrefix() + String.format("%09d", random.nextInt(1_000_000_000)) + "ES";
        }

        OrderScript build() {
            lines = lines();
            BigDecimal subtotal = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shipping = subtotal.compareTo(new BigDecimal("50")) >= 0 ? BigDecimal.ZERO : new BigDecimal("4.95");
            BigDecimal discount = random.nextInt(100) < 15
                    ? subtotal.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            BigDecimal total = subtotal.add(shipping).subtract(discount);

            boolean preSale = first && random.nextInt(100) < 6;
            double t0 = preSale ? 2 : 0; // a pre-sale question comes a moment before the order
            if (preSale) {
                customerSteps.add(new Step(Duration.ZERO, contact(ContactReason.PRE_SALE, null)));
            }
            lifecycle(t0);
            Duration span = planned.stream().map(Planned::sim).max(Comparator.naturalOrder()).orElseThrow();
            // Back-date: the last fact is dated a minute before the script starts, so none is ever in the future.
            Instant placedAt = start.minus(span).minus(Duration.ofMinutes(1));
            LocalDate promised = fate == Fate.DELAYED
                    ? placedAt.plus(Duration.ofDays(2)).atZone(STORE_ZONE).toLocalDate()
                    : placedAt.plus(Duration.ofDays(3)).atZone(STORE_ZONE).toLocalDate();
            SalesChannel channel = pick(new SalesChannel[] {SalesChannel.WEB, SalesChannel.MOBILE_APP,
                    SalesChannel.MARKETPLACE, SalesChannel.SOCIAL}, c -> switch (c) {
                        case WEB -> 55;
                        case MOBILE_APP -> 35;
                        case MARKETPLACE -> 7;
                        default -> 3;
                    });
            OrderPlacedDetails placedDetails = new OrderPlacedDetails(shopper.customerId(), lines, "EUR", total, shipping,
                    discount, shopper.locale(), channel, promised, shopper.city().name(), shopper.postcode(), "ES");

            List<Step> steps = new ArrayList<>();
            int n = 0;
            for (Planned p : planned) {
                Instant at = placedAt.plus(p.sim());
                String eventId = UUID.nameUUIDFromBytes((orderId + "#" + (++n) + p.type()).getBytes()).toString();
                Detail d = p.detail();
                OrderLifecycleEvent event = new OrderLifecycleEvent(eventId, p.type(), orderId, at, SOURCE,
                        p.type() == OrderLifecycleEventType.ORDER_PLACED ? placedDetails : null, d.payment(),
                        d.shipment(), d.pickup(), d.exception(), null, d.cancellation(), null);
                steps.add(new Step(seconds(p.realSeconds()), new Publish(event)));
            }
            steps.addAll(customerSteps);
            steps.sort(Comparator.comparing(Step::at));
            return new OrderScript(orderId, shopper, first, fate, lines, total, promised, placedAt, List.copyOf(steps));
        }

        private List<OrderLine> lines() {
            int count = 1 + (random.nextInt(100) < 35 ? 1 : 0) + (random.nextInt(100) < 10 ? 1 : 0);
            Map<String, OrderLine> bySku = new LinkedHashMap<>();
            while (bySku.size() < count) {
                Catalogue.Product p = pick(Catalogue.PRODUCTS, Catalogue.Product::weight);
                int qty = p.price().compareTo(new BigDecimal("40")) < 0 && random.nextInt(100) < 25 ? 2 : 1;
                bySku.putIfAbsent(p.sku(), new OrderLine(p.sku(), p.name(), p.category(), p.price(), qty));
            }
            return List.copyOf(bySku.values());
        }

        /** The facts of the order's fate, with simulated and real offsets. */
        private void lifecycle(double t) {
            add(Duration.ZERO, t, OrderLifecycleEventType.ORDER_PLACED, Detail.NONE);
            add(minutes(2), t + 1, OrderLifecycleEventType.ORDER_PAID,
                    new Detail(new PaymentDetails(null, "EUR", pick(List.of("card", "card", "paypal", "bizum"))),
                            null, null, null, null));
            if (fate == Fate.CANCELLED) {
                add(hours(3), t + 4, OrderLifecycleEventType.ORDER_CANCELLED, new Detail(null, null, null, null,
                        new CancellationDetails(random.nextBoolean() ? CancellationReason.CUSTOMER_REQUEST
                                : CancellationReason.OUT_OF_STOCK, null)));
                return;
            }
            switch (fate) {
                case DELAYED -> {
                    // Shipped on day 1, then the carrier goes quiet past the promised day (day 2).
                    add(hours(20), t + 3, OrderLifecycleEventType.ORDER_PACKED, Detail.NONE);
                    add(hours(24), t + 5, OrderLifecycleEventType.ORDER_SHIPPED, shipped());
                    add(hours(30), t + 7, OrderLifecycleEventType.SHIPMENT_IN_TRANSIT, scan("Madrid hub"));
                    if (random.nextInt(100) < 60) {
                        customerSteps.add(new Step(seconds(t + 14 + random.nextInt(6)),
                                contact(ContactReason.WHERE_IS_MY_ORDER, orderId)));
                    }
                    add(hours(117), t + 26, OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, scan(shopper.city().name()));
                    add(hours(119), t + 30, OrderLifecycleEventType.SHIPMENT_DELIVERED, scan(null));
                    afterDelivery(t + 30);
                }
                case EXCEPTION_DAMAGED, EXCEPTION_LOST -> {
                    add(hours(6), t + 3, OrderLifecycleEventType.ORDER_PACKED, Detail.NONE);
                    add(hours(8), t + 5, OrderLifecycleEventType.ORDER_SHIPPED, shipped());
                    add(hours(20), t + 8, OrderLifecycleEventType.SHIPMENT_IN_TRANSIT, scan("Madrid hub"));
                    boolean damaged = fate == Fate.EXCEPTION_DAMAGED;
                    add(hours(30), t + 11, OrderLifecycleEventType.SHIPMENT_EXCEPTION, new Detail(null, null, null,
                            damaged ? new ShipmentExceptionDetails("DAMAGED_IN_TRANSIT",
                                    "Bulto dañado en el centro de " + shopper.city().name())
                                    : new ShipmentExceptionDetails("LOST", "Parcel not found at the hub"),
                            null));
                    if (damaged) {
                        add(hours(40), t + 16, OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, scan(shopper.city().name()));
                        add(hours(44), t + 19, OrderLifecycleEventType.SHIPMENT_DELIVERED, scan(null));
                        customerSteps.add(new Step(seconds(t + 23), contact(ContactReason.DAMAGED_ITEM, orderId)));
                        customerSteps.add(new Step(seconds(t + 27), returnOf(ReturnReason.DAMAGED, false)));
                    } else {
                        customerSteps.add(new Step(seconds(t + 15), contact(ContactReason.WHERE_IS_MY_ORDER, orderId)));
                        add(hours(46), t + 24, OrderLifecycleEventType.ORDER_CANCELLED, new Detail(null, null, null, null,
                                new CancellationDetails(CancellationReason.UNDELIVERABLE, "Lost by the carrier; refunded")));
                    }
                }
                case FAILED_DELIVERY, PICKUP -> {
                    add(hours(4), t + 3, OrderLifecycleEventType.ORDER_PACKED, Detail.NONE);
                    add(hours(6), t + 5, OrderLifecycleEventType.ORDER_SHIPPED, shipped());
                    add(hours(18), t + 8, OrderLifecycleEventType.SHIPMENT_IN_TRANSIT, scan("Madrid hub"));
                    add(hours(28), t + 11, OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, scan(shopper.city().name()));
                    add(hours(32), t + 14, OrderLifecycleEventType.SHIPMENT_DELIVERY_FAILED, new Detail(null, null, null,
                            new ShipmentExceptionDetails("RECIPIENT_ABSENT", "Nadie en el domicilio"), null));
                    if (random.nextInt(100) < 30) {
                        customerSteps.add(new Step(seconds(t + 17), contact(ContactReason.WHERE_IS_MY_ORDER, orderId)));
                    }
                    if (fate == Fate.PICKUP) {
                        add(hours(40), t + 20, OrderLifecycleEventType.SHIPMENT_AVAILABLE_FOR_PICKUP, new Detail(null,
                                null, new PickupDetails("PP-" + shopper.postcode() + "-07", "Kiosko " + shopper.city().name(),
                                        start.plus(Duration.ofDays(7))), null, null));
                        add(hours(50), t + 26, OrderLifecycleEventType.SHIPMENT_DELIVERED, scan(null));
                        afterDelivery(t + 26);
                    } else {
                        add(hours(50), t + 20, OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, scan(shopper.city().name()));
                        add(hours(52), t + 23, OrderLifecycleEventType.SHIPMENT_DELIVERED, scan(null));
                        afterDelivery(t + 23);
                    }
                }
                default -> {
                    add(hours(6), t + 3, OrderLifecycleEventType.ORDER_PACKED, Detail.NONE);
                    add(hours(8), t + 5, OrderLifecycleEventType.ORDER_SHIPPED, shipped());
                    if (random.nextInt(100) < 5) {
                        customerSteps.add(new Step(seconds(t + 6), contact(ContactReason.CHANGE_ADDRESS, orderId)));
                    }
                    add(hours(20), t + 8, OrderLifecycleEventType.SHIPMENT_IN_TRANSIT, scan("Madrid hub"));
                    if (random.nextInt(100) < 8) {
                        customerSteps.add(new Step(seconds(t + 9), contact(ContactReason.WHERE_IS_MY_ORDER, orderId)));
                    }
                    add(hours(40), t + 11, OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, scan(shopper.city().name()));
                    add(hours(44), t + 14, OrderLifecycleEventType.SHIPMENT_DELIVERED, scan(null));
                    afterDelivery(t + 14);
                }
            }
        }

        /** What a customer may do once the parcel is home: ask for the invoice, report a wrong item, return. */
        private void afterDelivery(double delivered) {
            int roll = random.nextInt(100);
            if (roll < 6) {
                customerSteps.add(new Step(seconds(delivered + 3), contact(ContactReason.INVOICE_COPY, orderId)));
            } else if (roll < 9) {
                customerSteps.add(new Step(seconds(delivered + 3), contact(ContactReason.WRONG_ITEM, orderId)));
                customerSteps.add(new Step(seconds(delivered + 7), returnOf(ReturnReason.WRONG_ITEM, false)));
                return;
            } else if (roll < 12) {
                customerSteps.add(new Step(seconds(delivered + 3), contact(ContactReason.RETURN_REQUEST, orderId)));
            }
            if (random.nextInt(100) < 18) {
                customerSteps.add(new Step(seconds(delivered + 5 + random.nextInt(4)), returnOf(null, random.nextInt(100) < 22)));
            }
        }

        /**
         * A return of one or two lines. An ordinary one is a size or a defect; a risky one is the dearest line
         * back because the customer changed their mind, which the default risk matrix sends to a person when the
         * item is expensive, electronic or the customer is new.
         */
        private RequestReturn returnOf(ReturnReason forced, boolean risky) {
            List<OrderLine> returnable = lines.stream().filter(l -> !"gift-cards".equals(l.category())).toList();
            if (returnable.isEmpty()) {
                return new RequestReturn(orderId, List.of(), ReturnResolution.REFUND, null, false);
            }
            List<ReturnLineIntent> out = new ArrayList<>();
            if (risky) {
                OrderLine dearest = returnable.stream().max(Comparator.comparing(OrderLine::unitPrice)).orElseThrow();
                out.add(new ReturnLineIntent(dearest.sku(), dearest.quantity(), random.nextBoolean()
                        ? ReturnReason.CHANGED_MIND : ReturnReason.OTHER));
            } else {
                OrderLine line = returnable.get(random.nextInt(returnable.size()));
                ReturnReason reason = forced != null ? forced : ordinaryReason(line.category());
                out.add(new ReturnLineIntent(line.sku(), 1, reason));
            }
            boolean riskyData = risky && (first || out.stream().anyMatch(l -> riskyCategory(l.sku())));
            ReturnResolution resolution = out.get(0).reason() == ReturnReason.SIZE_FIT && random.nextBoolean()
                    ? ReturnResolution.EXCHANGE : random.nextInt(100) < 10 ? ReturnResolution.STORE_CREDIT : ReturnResolution.REFUND;
            String comment = "es".equals(shopper.language()) ? "Devolución desde la web" : "Return from the website";
            return new RequestReturn(orderId, List.copyOf(out), resolution, comment, riskyData);
        }

        private boolean riskyCategory(String sku) {
            return lines.stream().filter(l -> l.sku().equals(sku)).anyMatch(l -> RISKY_CATEGORIES.contains(l.category())
                    || l.unitPrice().compareTo(new BigDecimal("300")) > 0);
        }

        private ReturnReason ordinaryReason(String category) {
            return switch (category) {
                case "apparel", "footwear" -> random.nextInt(100) < 75 ? ReturnReason.SIZE_FIT : ReturnReason.NOT_AS_DESCRIBED;
                case "electronics" -> random.nextInt(100) < 70 ? ReturnReason.DEFECTIVE : ReturnReason.MISSING_PARTS;
                default -> random.nextInt(100) < 50 ? ReturnReason.NOT_AS_DESCRIBED : ReturnReason.DAMAGED;
            };
        }

        private Contact contact(ContactReason reason, String order) {
            boolean es = "es".equals(shopper.language());
            List<Texts.Message> options = (es ? Texts.SPANISH : Texts.ENGLISH).get(reason);
            OrderLine line = lines == null || lines.isEmpty() ? null : lines.get(random.nextInt(lines.size()));
            String product = line != null ? line.name()
                    : Catalogue.PRODUCTS.stream().filter(p -> p.sku().equals(pick(Catalogue.PRE_SALE_SKUS)))
                            .findFirst().orElseThrow().name();
            Texts.Message text = pick(options).fill(order, product, shopper.firstName(), shopper.city().name());
            ContactChannel channel = pick(ContactChannel.values(), c -> switch (c) {
                case EMAIL -> 30;
                case CHAT -> 25;
                case PHONE -> 20;
                case WEB_FORM -> 15;
                case SOCIAL -> 10;
                case SMS, WHATSAPP -> 8;
            });
            String ivr = channel != ContactChannel.PHONE ? null : switch (reason) {
                case WHERE_IS_MY_ORDER -> "1";
                case RETURN_REQUEST -> "2";
                case DAMAGED_ITEM -> "3";
                case CHANGE_ADDRESS, MODIFY_ORDER -> "4";
                case INVOICE_COPY -> "5";
                case PRE_SALE -> "6";
                default -> "9";
            };
            return new Contact(channel, reason, text.subject(), text.body(), ivr, order, shopper.language());
        }

        private Detail shipped() {
            return new Detail(null, new ShipmentDetails(carrier.name(), tracking, carrier.trackingUrl(tracking), null,
                    "Centro logístico Getafe"), null, null, null);
        }

        private Detail scan(String location) {
            return new Detail(null, new ShipmentDetails(carrier.name(), tracking, null, null, location), null, null, null);
        }

        private void add(Duration sim, double real, OrderLifecycleEventType type, Detail detail) {
            planned.add(new Planned(sim, real, type, detail));
        }
    }

    /** Categories the default risk matrix scores as risky. */
    private static final java.util.Set<String> RISKY_CATEGORIES = java.util.Set.of("electronics", "jewelry", "luxury",
            "cosmetics");

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(List<T> values, java.util.function.ToIntFunction<T> weight) {
        int total = values.stream().mapToInt(weight).sum();
        int r = random.nextInt(total);
        for (T v : values) {
            r -= weight.applyAsInt(v);
            if (r < 0) {
                return v;
            }
        }
        return values.get(values.size() - 1);
    }

    private <T> T pick(T[] values, java.util.function.ToIntFunction<T> weight) {
        return pick(List.of(values), weight);
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace(" ", "");
    }
}
