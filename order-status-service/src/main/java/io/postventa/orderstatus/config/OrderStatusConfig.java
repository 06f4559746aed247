package io.postventa.orderstatus.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of order-status-service ({@code postventa.order-status.*}); each has a default and a README line. */
@ConfigMapping(prefix = "postventa.order-status")
public interface OrderStatusConfig {

    /** The store's time zone: promised dates are days in it. */
    @WithDefault("Europe/Madrid")
    String storeTimeZone();

    /** Clock difference tolerated between platforms, carriers and this service before a date counts as impossible. */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** How far a signed webhook's timestamp may be from now; an older signed call counts as a replay. */
    @WithDefault("PT5M")
    Duration webhookTolerance();

    Delay delay();

    EarlyEvents earlyEvents();

    default ZoneId zone() {
        return ZoneId.of(storeTimeZone());
    }

    /** Delay detection. */
    interface Delay {
        /** Hours without a carrier scan, while with the carrier, after which an order counts as late. */
        @WithDefault("48")
        int noScanHours();

        /** How often the delay check runs ({@code off} disables the schedule). */
        @WithDefault("60s")
        String checkEvery();

        /** Orders handled per transaction by the delay check. */
        @WithDefault("500")
        int batchSize();
    }

    /** Events that arrive before their order's ORDER_PLACED. */
    interface EarlyEvents {
        /** How long they wait for the placement before going to the dead-letter topic. */
        @WithDefault("P14D")
        Duration retention();

        /** How often expired ones are looked for ({@code off} disables the schedule). */
        @WithDefault("1h")
        String checkEvery();
    }
}
