package io.postventa.returns.domain;

import io.postventa.events.common.ReturnReason;

/** A line the customer asks to return. */
public record RequestedLine(String sku, int quantity, ReturnReason reason) {
}
