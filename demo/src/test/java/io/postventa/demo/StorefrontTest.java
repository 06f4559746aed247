package io.postventa.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.events.SchemaViolation;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderLine;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StorefrontTest {
    private static final Instant START = Instant.parse("2026-03-10T10:00:00Z");
    private static final int ORDERS = 1000;

    private static List<Storefront.OrderScript> orders(long seed) {
        Storefront store = new Storefront(seed, "T");
        List<Storefront.OrderScript> out = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            out.add(store.nextOrder(START.plusMillis(i * 400L)));
        }
        return out;
    }

    @Test
    void theSameSeedMakesTheSameStore() {
        assertEquals(orders(42), orders(42));
        assertFalse(orders(42).equals(orders(43)), "another seed should make another store");
    }

    @Test
    void mostCustomersSpeakSpanishAndSomeEnglish() {
        Map<String, Long> byLanguage = orders(7).stream().map(Storefront.OrderScript::shopper).distinct()
                .collect(Collectors.groupingBy(Storefront.Shopper::language, Collectors.counting()));
        long es = byLanguage.getOrDefault("es", 0L);
        long en = byLanguage.getOrDefault("en", 0L);
        assertEquals(Set.of("es", "en"), byLanguage.keySet());
        double spanish = (double) es / (es + en);
        assertTrue(spanish > 0.7 && spanish < 0.86, "Spanish speakers: " + spanish);
    }

    @Test
    void customersLookReal() {
        List<Storefront.Shopper> shoppers = orders(7).stream().map(Storefront.OrderScript::shopper).distinct().toList();
        assertTrue(shoppers.stream().allMatch(s -> s.email().matches("[a-z0-9.]+@example\\.(com|es|org|net)")),
                "e-mails are plain ASCII at example domains");
        assertTrue(shoppers.stream().filter(s -> s.phone() != null).allMatch(s -> s.phone().matches("\\+346\\d{8}|\\+447\\d{9}")),
                "phones are E.164");
        assertTrue(shoppers.stream().anyMatch(s -> s.birthday() != null
                && s.birthday().getMonth() == LocalDate.of(2026, 3, 10).getMonth()
                && s.birthday().getDayOfMonth() == 10), "a few have their birthday today");
        assertTrue(shoppers.stream().anyMatch(s -> Boolean.TRUE.equals(s.consents().email()))
                && shoppers.stream().anyMatch(s -> !Boolean.TRUE.equals(s.consents().email())), "consents vary");
        long repeatOrders = ORDERS - shoppers.size();
        assertTrue(repeatOrders > ORDERS * 0.2, "returning customers place a share of the orders: " + repeatOrders);
    }

    @Test
    void ordersComeFromEveryCategoryOfTheCatalogue() {
        Map<String, Long> byCategory = orders(7).stream().flatMap(o -> o.lines().stream())
                .collect(Collectors.groupingBy(OrderLine::category, Collectors.counting()));
        Set<String> catalogue = Catalogue.PRODUCTS.stream().map(Catalogue.Product::category).collect(Collectors.toSet());
        assertEquals(catalogue, byCategory.keySet());
        assertTrue(byCategory.get("apparel") > byCategory.get("furniture"), "apparel sells more than furniture");
    }

    @Test
    void everyFateHappensInItsShare() {
        Map<Storefront.Fate, Long> byFate = new EnumMap<>(Storefront.Fate.class);
        orders(7).forEach(o -> byFate.merge(o.fate(), 1L, Long::sum));
        for (Storefront.Fate f : Storefront.Fate.values()) {
            double share = byFate.getOrDefault(f, 0L) * 100.0 / ORDERS;
            assertTrue(Math.abs(share - f.weight) < 4, f + ": " + share + "% instead of about " + f.weight + "%");
        }
    }

    @Test
    void delayedOrdersMissTheirPromisedDateAndOthersDoNot() {
        for (Storefront.OrderScript o : orders(7)) {
            OrderLifecycleEvent last = o.events().get(o.events().size() - 1);
            LocalDate lastDay = last.occurredAt().atZone(Storefront.STORE_ZONE).toLocalDate();
            if (o.fate() == Storefront.Fate.DELAYED) {
                assertTrue(o.promisedDate().isBefore(lastDay.minusDays(1)), o.orderId() + " is delivered late");
            } else if (o.fate() != Storefront.Fate.CANCELLED && o.fate() != Storefront.Fate.EXCEPTION_LOST) {
                assertFalse(o.promisedDate().isBefore(lastDay), o.orderId() + " " + o.fate() + " arrives on time");
            }
        }
    }

    @Test
    void failedDeliveriesAndShipmentExceptionsAreInTheStream() {
        Map<OrderLifecycleEventType, Long> types = orders(7).stream().flatMap(o -> o.events().stream())
                .collect(Collectors.groupingBy(OrderLifecycleEvent::eventType, Collectors.counting()));
        assertTrue(types.getOrDefault(OrderLifecycleEventType.SHIPMENT_DELIVERY_FAILED, 0L) > 80, "failed deliveries");
        assertTrue(types.getOrDefault(OrderLifecycleEventType.SHIPMENT_EXCEPTION, 0L) > 30, "shipment exceptions");
        assertTrue(types.getOrDefault(OrderLifecycleEventType.SHIPMENT_AVAILABLE_FOR_PICKUP, 0L) > 30, "pickups");
        assertTrue(types.getOrDefault(OrderLifecycleEventType.ORDER_CANCELLED, 0L) > 40, "cancellations");
    }

    @Test
    void factsAreInOrderNeverInTheFutureAndPlayedOutInSeconds() {
        for (Storefront.OrderScript o : orders(7)) {
            Instant previous = Instant.MIN;
            Duration previousAt = Duration.ZERO;
            for (Storefront.Step s : o.steps()) {
                assertTrue(s.at().compareTo(previousAt) >= 0, "steps are sorted by real time");
                previousAt = s.at();
                if (s.action() instanceof Storefront.Publish p) {
                    assertTrue(p.event().occurredAt().isAfter(previous), o.orderId() + " facts in order");
                    assertTrue(p.event().occurredAt().isBefore(START.plusMillis(ORDERS * 400L)), "never in the future");
                    previous = p.event().occurredAt();
                }
            }
            assertTrue(previousAt.compareTo(Duration.ofSeconds(45)) <= 0, o.orderId() + " plays out in under 45 s");
            assertEquals(OrderLifecycleEventType.ORDER_PLACED, o.events().get(0).eventType());
        }
    }

    @Test
    void everyPublishedFactMatchesItsContract() {
        SchemaValidator validator = new SchemaValidator();
        Storefront store = new Storefront(11, "T");
        for (int i = 0; i < 300; i++) {
            Storefront.OrderScript o = store.nextOrder(START);
            for (OrderLifecycleEvent e : o.events()) {
                List<SchemaViolation> v = validator.validate(EventType.of(e.eventType()), EventJson.toJson(e));
                assertTrue(v.isEmpty(), e.eventType() + " of " + o.orderId() + ": " + v);
            }
            String customer = EventJson.toJson(o.shopper().upserted(START));
            assertEquals(List.of(), validator.validate(EventType.CUSTOMER_UPSERTED, customer));
        }
    }

    @Test
    void customersWriteAboutTheUsualThingsOnEveryChannelInTheirLanguage() {
        List<Storefront.OrderScript> all = orders(7);
        Map<ContactReason, Long> reasons = new EnumMap<>(ContactReason.class);
        Map<String, Long> channels = new HashMap<>();
        for (Storefront.OrderScript o : all) {
            for (Storefront.Contact c : o.contacts()) {
                reasons.merge(c.intended(), 1L, Long::sum);
                channels.merge(c.channel().name(), 1L, Long::sum);
                assertEquals(o.shopper().language(), c.language());
                assertEquals(c.channel() == io.postventa.events.contacts.ContactChannel.PHONE, c.ivrOption() != null,
                        "only phone contacts carry an IVR option");
                assertFalse(c.message().contains("{"), "placeholders are filled: " + c.message());
            }
        }
        assertTrue(reasons.keySet().containsAll(Set.of(ContactReason.WHERE_IS_MY_ORDER, ContactReason.DAMAGED_ITEM,
                ContactReason.RETURN_REQUEST, ContactReason.INVOICE_COPY, ContactReason.PRE_SALE)), reasons.toString());
        assertEquals(io.postventa.events.contacts.ContactChannel.values().length, channels.size(), "every channel: " + channels);
        long wismo = reasons.get(ContactReason.WHERE_IS_MY_ORDER);
        assertTrue(reasons.values().stream().allMatch(n -> n <= wismo), "where-is-my-order is the top reason: " + reasons);
    }

    @Test
    void returnsAreMostlyOrdinaryAndSomeRisky() {
        List<Storefront.RequestReturn> returns = orders(7).stream().flatMap(o -> o.returns().stream())
                .filter(r -> !r.lines().isEmpty()).toList();
        long risky = returns.stream().filter(Storefront.RequestReturn::risky).count();
        assertTrue(returns.size() > 80, "about one delivered order in six comes back: " + returns.size());
        assertTrue(risky > 0 && risky < returns.size() * 0.35, risky + " risky of " + returns.size());
        assertTrue(returns.stream().flatMap(r -> r.lines().stream())
                .noneMatch(l -> l.sku().startsWith("GIFT-CARD")), "gift cards are not returnable");
    }
}
