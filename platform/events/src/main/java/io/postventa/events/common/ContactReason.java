package io.postventa.events.common;

/** Why a customer contacted the store: the taxonomy tickets are classified into and the contact-reason Pareto uses. */
public enum ContactReason {
    /** "Where is my order?" */
    WHERE_IS_MY_ORDER,
    /** Wants to return something. */
    RETURN_REQUEST,
    /** The item arrived damaged. */
    DAMAGED_ITEM,
    /** A different item arrived. */
    WRONG_ITEM,
    /** Parts of the item or order are missing. */
    MISSING_PARTS,
    /** Wants to change the delivery address. */
    CHANGE_ADDRESS,
    /** Wants to change the order's contents. */
    MODIFY_ORDER,
    /** Needs a copy of the invoice. */
    INVOICE_COPY,
    /** A question about a product already bought. */
    PRODUCT_QUESTION,
    /** A question before buying. */
    PRE_SALE,
    /** Anything else. */
    OTHER
}
