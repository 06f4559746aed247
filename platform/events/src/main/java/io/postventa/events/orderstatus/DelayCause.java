package io.postventa.events.orderstatus;

/** Why an order is considered late; each cause is reported at most once per order. */
public enum DelayCause {
    /** The promised delivery date passed without delivery. */
    PROMISED_DATE_PASSED,
    /** No carrier scan for longer than the configured number of hours while in transit. */
    NO_CARRIER_SCAN,
    /** The carrier reported a shipment exception. */
    SHIPMENT_EXCEPTION
}
