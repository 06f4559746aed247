package io.postventa.events.customers;

/**
 * How an erasure travels on {@code customers.v1}: a record whose key is the customer id and whose value is null.
 * It has no payload and so no schema; producers may still set CloudEvents headers with {@link #CE_TYPE}.
 */
public final class CustomerTombstone {

    /** Optional {@code ce_type} header of a tombstone; consumers must treat any null value as erasure. */
    public static final String CE_TYPE = "postventa.customer.erased.v1";

    private CustomerTombstone() {
    }

    /** Tells whether a record value means "erase this customer". */
    public static boolean isErasure(Object recordValue) {
        return recordValue == null;
    }
}
