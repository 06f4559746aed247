package io.postventa.ticket.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.postventa.events.common.OrderStatus;

/** The self-service answer to "where is my order?": the real status, promised date and tracking link, in es or en. */
public final class WismoReply {
    private WismoReply() {
    }

    public static String render(String language, String orderId, OrderStatus status, LocalDate promisedDate,
            String trackingUrl) {
        boolean en = "en".equals(language);
        StringBuilder text = new StringBuilder();
        if (en) {
            text.append("Hello, your order ").append(orderId).append(" is ").append(english(status)).append('.');
            if (promisedDate != null) {
                text.append(" Expected delivery: ")
                        .append(promisedDate.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))).append('.');
            }
            if (trackingUrl != null) {
                text.append(" Track it here: ").append(trackingUrl);
            }
            text.append("\nIf you need anything else, just reply to this message.");
        } else {
            text.append("Hola, tu pedido ").append(orderId).append(' ').append(spanish(status)).append('.');
            if (promisedDate != null) {
                text.append(" Fecha de entrega prevista: ").append(
                        promisedDate.format(DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"))))
                        .append('.');
            }
            if (trackingUrl != null) {
                text.append(" Puedes seguir el envío aquí: ").append(trackingUrl);
            }
            text.append("\nSi necesitas algo más, responde a este mensaje.");
        }
        return text.toString();
    }

    /** The status as a Spanish phrase following "tu pedido ...". */
    public static String spanish(OrderStatus status) {
        return switch (status) {
            case PLACED -> "está registrado y lo estamos preparando";
            case PAID -> "está pagado y lo estamos preparando";
            case PACKED -> "está empaquetado y listo para salir";
            case SHIPPED -> "ha salido de nuestro almacén";
            case IN_TRANSIT -> "está en camino";
            case OUT_FOR_DELIVERY -> "está en reparto y llega hoy";
            case DELIVERY_FAILED -> "no se pudo entregar en el último intento";
            case AVAILABLE_FOR_PICKUP -> "te espera en el punto de recogida";
            case DELIVERED -> "figura como entregado";
            case EXCEPTION -> "tiene una incidencia con el transportista y la estamos revisando";
            case CANCELLED -> "está cancelado";
            case RETURNED -> "ha sido devuelto";
        };
    }

    public static String english(OrderStatus status) {
        return switch (status) {
            case PLACED -> "registered and being prepared";
            case PAID -> "paid and being prepared";
            case PACKED -> "packed and ready to ship";
            case SHIPPED -> "on its way from our warehouse";
            case IN_TRANSIT -> "in transit";
            case OUT_FOR_DELIVERY -> "out for delivery today";
            case DELIVERY_FAILED -> "not delivered at the last attempt";
            case AVAILABLE_FOR_PICKUP -> "waiting at the pickup point";
            case DELIVERED -> "marked as delivered";
            case EXCEPTION -> "held up by a carrier incident we are looking into";
            case CANCELLED -> "cancelled";
            case RETURNED -> "returned";
        };
    }
}
