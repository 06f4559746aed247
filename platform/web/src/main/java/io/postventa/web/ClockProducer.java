package io.postventa.web;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Every service's time source (SLA clocks, quiet hours, label expiry, survey due times): rules read the injected
 * {@link Clock}, never the system's, so that tests can move it (platform/testing's {@code MovableClock} replaces
 * this one in every {@code @QuarkusTest}).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
