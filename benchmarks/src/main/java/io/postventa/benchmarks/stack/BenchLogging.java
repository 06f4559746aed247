package io.postventa.benchmarks.stack;

import java.util.logging.Handler;

import io.quarkus.bootstrap.logging.InitialConfigurator;

/**
 * Logging for a benchmark JVM. Outside a Quarkus application, Quarkus's JBoss LogManager
 * initializer leaves the root logger at ALL and queues every record in a handler that is never
 * activated: Debezium and Kafka then format a trace message (whole records, offsets) for every
 * event, which cost the relay more CPU than reading the WAL itself. A service's relay never pays
 * this (Quarkus configures logging at INFO), so neither must its benchmark.
 */
public final class BenchLogging {
    private BenchLogging() {
    }

    /** Call first in main, before anything logs. INFO and above go to the console (Kafka's clients: WARNING). */
    public static void configure() {
        System.setProperty("logging.initial-configurator.min-level", "INFO");
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        // every Kafka client prints its whole configuration at INFO; the benchmarks open a dozen of them
        org.jboss.logmanager.LogContext.getLogContext().getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {InitialConfigurator.createDefaultHandler()});
    }
}
