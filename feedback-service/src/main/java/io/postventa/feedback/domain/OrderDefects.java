package io.postventa.feedback.domain;

import java.util.Set;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;

/**
 * What makes an order defective (the order defect rate): a delivery exception, a contact about a damaged, wrong or
 * incomplete item, or a return for such a reason. An order once defective stays so.
 */
public final class OrderDefects {
    /** The order status that makes an order defective. */
    public static final OrderStatus DEFECT_STATUS = OrderStatus.EXCEPTION;
    /** Contact reasons that make an order defective. */
    public static final Set<ContactReason> DEFECT_CONTACTS = Set.of(ContactReason.DAMAGED_ITEM, ContactReason.WRONG_ITEM,
            ContactReason.MISSING_PARTS);
    /** Return reasons that make an order defective. */
    public static final Set<ReturnReason> DEFECT_RETURNS = Set.of(ReturnReason.DAMAGED, ReturnReason.DEFECTIVE,
            ReturnReason.WRONG_ITEM, ReturnReason.MISSING_PARTS);

    private OrderDefects() {
    }
}
