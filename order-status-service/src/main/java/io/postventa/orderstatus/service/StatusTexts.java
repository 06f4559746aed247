package io.postventa.orderstatus.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.OrderLifecycleEventType;

/** Customer-facing texts of statuses and timeline events, in Spanish and English. */
public final class StatusTexts {
    public static final String SPANISH = "es";
    public static final String ENGLISH = "en";

    private static final Map<OrderStatus, String[]> STATUS = new EnumMap<>(OrderStatus.class);
    private static final Map<OrderLifecycleEventType, String[]> EVENT = new EnumMap<>(OrderLifecycleEventType.class);

    static {
        STATUS.put(OrderStatus.PLACED, new String[] {"Hemos recibido tu pedido", "We have received your order"});
        STATUS.put(OrderStatus.PAID, new String[] {"Pago confirmado; estamos preparando tu pedido",
            "Payment confirmed; we are preparing your order"});
        STATUS.put(OrderStatus.PACKED, new String[] {"Tu pedido está preparado y listo para salir",
            "Your order is packed and ready to leave"});
        STATUS.put(OrderStatus.SHIPPED, new String[] {"Tu pedido ha salido de nuestro almacén",
            "Your order has left our warehouse"});
        STATUS.put(OrderStatus.IN_TRANSIT, new String[] {"Tu pedido está en camino", "Your order is on its way"});
        STATUS.put(OrderStatus.OUT_FOR_DELIVERY, new String[] {"Tu pedido está en reparto y llega hoy",
            "Your order is out for delivery and arrives today"});
        STATUS.put(OrderStatus.DELIVERY_FAILED, new String[] {"No hemos podido entregar tu pedido; el transportista lo volverá a intentar",
            "We could not deliver your order; the carrier will try again"});
        STATUS.put(OrderStatus.AVAILABLE_FOR_PICKUP, new String[] {"Tu pedido te espera en el punto de recogida",
            "Your order is waiting for you at the pickup point"});
        STATUS.put(OrderStatus.DELIVERED, new String[] {"Tu pedido ha sido entregado", "Your order has been delivered"});
        STATUS.put(OrderStatus.EXCEPTION, new String[] {"Hay una incidencia con el envío; ya la estamos revisando",
            "There is a problem with the shipment; we are already looking into it"});
        STATUS.put(OrderStatus.CANCELLED, new String[] {"Tu pedido ha sido cancelado", "Your order has been cancelled"});
        STATUS.put(OrderStatus.RETURNED, new String[] {"Tu pedido ha sido devuelto", "Your order has been returned"});

        EVENT.put(OrderLifecycleEventType.ORDER_PLACED, new String[] {"Pedido realizado", "Order placed"});
        EVENT.put(OrderLifecycleEventType.ORDER_PAID, new String[] {"Pago confirmado", "Payment confirmed"});
        EVENT.put(OrderLifecycleEventType.ORDER_PACKED, new String[] {"Pedido preparado", "Order packed"});
        EVENT.put(OrderLifecycleEventType.ORDER_SHIPPED, new String[] {"Entregado al transportista", "Handed to the carrier"});
        EVENT.put(OrderLifecycleEventType.SHIPMENT_IN_TRANSIT, new String[] {"En tránsito", "In transit"});
        EVENT.put(OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, new String[] {"En reparto", "Out for delivery"});
        EVENT.put(OrderLifecycleEventType.SHIPMENT_DELIVERY_FAILED, new String[] {"Intento de entrega fallido", "Delivery attempt failed"});
        EVENT.put(OrderLifecycleEventType.SHIPMENT_AVAILABLE_FOR_PICKUP, new String[] {"Disponible en punto de recogida", "Ready for pickup"});
        EVENT.put(OrderLifecycleEventType.SHIPMENT_DELIVERED, new String[] {"Entregado", "Delivered"});
        EVENT.put(OrderLifecycleEventType.SHIPMENT_EXCEPTION, new String[] {"Incidencia en el envío", "Shipment problem"});
        EVENT.put(OrderLifecycleEventType.ORDER_CANCELLED, new String[] {"Pedido cancelado", "Order cancelled"});
        EVENT.put(OrderLifecycleEventType.ORDER_ADDRESS_CHANGED, new String[] {"Dirección de entrega cambiada", "Delivery address changed"});
        EVENT.put(OrderLifecycleEventType.ORDER_RETURNED, new String[] {"Pedido devuelto", "Order returned"});
    }

    private StatusTexts() {
    }

    /** The headline of an order in {@code language} (es or en); a late order says so. */
    public static String status(OrderStatus status, boolean delayed, String language) {
        String text = pick(STATUS.get(status), language);
        if (!delayed) {
            return text;
        }
        return text + (ENGLISH.equals(language) ? ". It is running late: we will let you know as soon as it moves"
                : ". Lleva retraso: te avisaremos en cuanto avance");
    }

    /** The label of a timeline entry. */
    public static String event(OrderLifecycleEventType type, String language) {
        return pick(EVENT.get(type), language);
    }

    /**
     * The language to answer in: the first of the caller's accepted languages we speak, else the language the
     * order was placed in, else Spanish.
     */
    public static String language(List<Locale> accepted, String orderLocale) {
        for (Locale locale : accepted) {
            if (SPANISH.equals(locale.getLanguage()) || ENGLISH.equals(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        if (orderLocale != null && orderLocale.toLowerCase(Locale.ROOT).startsWith(ENGLISH)) {
            return ENGLISH;
        }
        return SPANISH;
    }

    private static String pick(String[] texts, String language) {
        return ENGLISH.equals(language) ? texts[1] : texts[0];
    }
}
