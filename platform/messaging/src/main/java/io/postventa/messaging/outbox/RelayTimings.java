package io.postventa.messaging.outbox;

/**
 * Where a relay's time went since it started, summed over every batch the engine handed over
 * (heartbeat-only batches included). All durations in nanoseconds of wall-clock time.
 *
 * @param batches        batches with outbox records handed over by the engine
 * @param records        outbox records relayed (acknowledged and committed)
 * @param engineNanos    time between the end of one batch and the start of the next: the engine
 *                       polling its queue and applying the EventRouter (what the WAL side costs)
 * @param sendNanos      turning records into producer records and handing them to the producer
 * @param backpressureNanos the engine's thread waiting because the most batches were in flight
 *                       (and, while stopping, for each batch's commit)
 * @param ackNanos       the commit thread waiting for Kafka's acknowledgements (overlaps the above)
 * @param commitNanos    the commit thread marking batches processed (and flushing offsets when due)
 */
public record RelayTimings(long batches, long records, long engineNanos, long sendNanos, long backpressureNanos,
        long ackNanos, long commitNanos) {

    public double meanBatchSize() {
        return batches == 0 ? 0 : records / (double) batches;
    }

    /** The difference between two snapshots: what happened in between. */
    public RelayTimings minus(RelayTimings earlier) {
        return new RelayTimings(batches - earlier.batches, records - earlier.records, engineNanos - earlier.engineNanos,
                sendNanos - earlier.sendNanos, backpressureNanos - earlier.backpressureNanos, ackNanos - earlier.ackNanos,
                commitNanos - earlier.commitNanos);
    }
}
