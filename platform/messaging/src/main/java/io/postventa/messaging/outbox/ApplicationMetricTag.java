package io.postventa.messaging.outbox;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tags every meter of a service with {@code application="<quarkus.application.name>"}, so the dashboards and alerts
 * in deploy/ select a service the same way whether Prometheus found it through a ServiceMonitor, a PodMonitor or a
 * static target (whose {@code job} labels differ).
 */
@Singleton
public class ApplicationMetricTag {

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(Tags.of("application", application));
    }
}
