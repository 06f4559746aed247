package io.postventa.ticket.domain;

import java.time.Duration;

/** One priority's SLA targets within a policy. */
public record SlaTargets(Duration firstResponse, Duration resolution) {
}
