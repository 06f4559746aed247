package io.postventa.testing;

import java.util.Map;

import io.postventa.providerstub.ProviderStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points notification-service under {@code @QuarkusTest} at a {@link ProviderStub} for its SMS, WhatsApp and push
 * adapters: the stub requires {@link #KEY}, and answers 503 to any message for a phone number starting with
 * {@link #UNAVAILABLE_PREFIX} (a provider outage for that test's customer only). A test reads what the providers
 * were asked through {@link #stub()}.
 *
 * <pre>
 * &#64;QuarkusTestResource(ProviderStubResource.class)
 * ...
 * ProviderStubResource.stub().received("sms", orderId)
 * </pre>
 */
public class ProviderStubResource implements QuarkusTestResourceLifecycleManager {
    /** The Authorization value the stub requires and the service is configured with. */
    public static final String KEY = "Bearer provider-test-key";
    /** A phone number starting with this is one the providers cannot deliver to (503). */
    public static final String UNAVAILABLE_PREFIX = "+34999";

    private static volatile ProviderStub current;
    private ProviderStub own;

    /** The stub of the running test application. */
    public static ProviderStub stub() {
        ProviderStub stub = current;
        if (stub == null) {
            throw new IllegalStateException("no provider stub: annotate the test with @QuarkusTestResource(ProviderStubResource.class)");
        }
        return stub;
    }

    @Override
    public Map<String, String> start() {
        own = ProviderStub.builder().authorization(KEY)
                .failWhen((channel, body) -> body.contains("\"" + UNAVAILABLE_PREFIX), 503).start();
        current = own;
        return own.notificationSettings();
    }

    @Override
    public void stop() {
        if (own != null) {
            own.close();
        }
    }
}
