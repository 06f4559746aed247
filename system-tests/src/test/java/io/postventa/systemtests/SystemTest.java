package io.postventa.systemtests;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.postventa.testing.KafkaTestClient;

/**
 * Base of every scenario: the platform is started once for the whole module (the first class
 * starts it, the others reuse it), and each class gets a broker client and a shop.
 */
public abstract class SystemTest {
    /**
     * Generous on purpose: on a busy 2-core machine the services may still be catching up on the
     * records that earlier modules' tests left on the shared topics.
     */
    protected static final Duration WAIT =
            Duration.parse(System.getProperty("postventa.system-tests.wait", "PT3M"));

    protected static Platform platform;
    protected static KafkaTestClient kafka;
    protected static Shop shop;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        kafka = KafkaTestClient.create();
        shop = new Shop(kafka);
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }
}
