package io.postventa.returns.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of returns-service (see its README). */
@ConfigMapping(prefix = "returns")
public interface ReturnsConfig {

    /** Base URL customers reach this service at; label links are built from it. */
    @WithDefault("http://localhost:8082")
    String publicBaseUrl();

    /** The return label. */
    Label label();

    interface Label {
        /** How long an issued label may stay unused before the approval expires. */
        @WithDefault("P28D")
        Duration validity();

        /** Carrier printed on the built-in label. */
        @WithDefault("CORREOS")
        String carrier();

        /** Where returns are sent, printed on the label. */
        @WithDefault("Postventa Returns, Calle Ejemplo 1, 28001 Madrid, ES")
        String returnAddress();

        /**
         * The language the built-in label speaks first, for the carrier and the warehouse; each line then follows in
         * the customer's language when that is another.
         */
        @WithDefault("es")
        String language();
    }

    /** The scheduled expiry of unused labels. */
    @WithDefault("1h")
    String expiryEvery();
}
