package io.postventa.notification.domain;

import java.util.Arrays;
import java.util.Optional;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.notifications.MessageKind;

/** What can set off a message, and the kind of message it is (the kind customers switch on or off). */
public enum Trigger {
    ORDER_SHIPPED(MessageKind.ORDER_UPDATES),
    ORDER_OUT_FOR_DELIVERY(MessageKind.ORDER_UPDATES),
    ORDER_DELIVERED(MessageKind.ORDER_UPDATES),
    ORDER_DELIVERY_FAILED(MessageKind.ORDER_UPDATES),
    ORDER_AVAILABLE_FOR_PICKUP(MessageKind.ORDER_UPDATES),
    ORDER_EXCEPTION(MessageKind.ORDER_UPDATES),
    ORDER_DELAYED(MessageKind.ORDER_UPDATES),
    ORDER_CANCELLED(MessageKind.ORDER_UPDATES),
    /** Order updates the daily cap held back, sent together once the cap allows. */
    ORDER_UPDATES_DIGEST(MessageKind.ORDER_UPDATES),
    RETURN_APPROVED(MessageKind.RETURNS),
    RETURN_IN_REVIEW(MessageKind.RETURNS),
    RETURN_REJECTED(MessageKind.RETURNS),
    RETURN_REFUNDED(MessageKind.RETURNS),
    TICKET_ACKNOWLEDGED(MessageKind.SUPPORT),
    TICKET_REPLIED(MessageKind.SUPPORT),
    TICKET_RESOLVED(MessageKind.SUPPORT),
    SURVEY_INVITED(MessageKind.SURVEYS),
    BIRTHDAY(MessageKind.PERSONAL_MOMENTS),
    PURCHASE_ANNIVERSARY(MessageKind.PERSONAL_MOMENTS);

    private final MessageKind kind;

    Trigger(MessageKind kind) {
        this.kind = kind;
    }

    public MessageKind kind() {
        return kind;
    }

    /** The configuration and template-id spelling, e.g. {@code order-shipped}. */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<Trigger> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }

    /** The trigger for an order's new status, if that status is worth a message. */
    public static Optional<Trigger> forStatus(OrderStatus status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case SHIPPED -> Optional.of(ORDER_SHIPPED);
            case OUT_FOR_DELIVERY -> Optional.of(ORDER_OUT_FOR_DELIVERY);
            case DELIVERED -> Optional.of(ORDER_DELIVERED);
            case DELIVERY_FAILED -> Optional.of(ORDER_DELIVERY_FAILED);
            case AVAILABLE_FOR_PICKUP -> Optional.of(ORDER_AVAILABLE_FOR_PICKUP);
            case EXCEPTION -> Optional.of(ORDER_EXCEPTION);
            case CANCELLED -> Optional.of(ORDER_CANCELLED);
            default -> Optional.empty();
        };
    }
}
