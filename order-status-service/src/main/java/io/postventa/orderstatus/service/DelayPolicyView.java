package io.postventa.orderstatus.service;

import java.time.Instant;

/** The delay rule in force: version 0 is the configured default. */
public record DelayPolicyView(int version, int noScanHours, String changedBy, Instant changedAt) {
}
