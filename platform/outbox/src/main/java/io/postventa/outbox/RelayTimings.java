package io.postventa.outbox;

/**
 * Where a relay's time went since it started, summed over every batch the engine handed over
 * (heartbeat-only batches included). All durations in nanoseconds of wall-clock time.
 *
 * @param batches        batches handed to {@code forward} by the engine
 * @param records        outbox records sent to Kafka
 * @param engineNanos    time between the end of one batch and the start of the next: the engine
 *                       polling its queue and applying the EventRouter (what the WAL side costs)
 * @param sendNanos      turning records into producer records and handing them to the producer
 * @param ackNanos       waiting for Kafka's acknowledgements of the batch
 * @param commitNanos    marking the batch processed (and flushing offsets when due)
 */
public record RelayTimings(long batches, long records, long engineNanos, long sendNanos, long ackNanos,
        long commitNanos) {

    public double meanBatchSize() {
        return batches == 0 ? 0 : records / (double) batches;
    }

    /** The difference between two snapshots: what happened in between. */
    public RelayTimings minus(RelayTimings earlier) {
        return new RelayTimings(batches - earlier.batches, records - earlier.records, engineNanos - earlier.engineNanos,
                sendNanos - earlier.sendNanos, ackNanos - earlier.ackNanos, commitNanos - earlier.commitNanos);
    }
}
