package com.emporium.platform.metrics.conventions;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Registers {@link MetricsConventions} in every Emporium process. Ordered last among the meter filters, so its
 * histogram setting for in-flight requests wins over the {@code management.metrics.distribution} properties.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public final class MetricsConventionsAutoConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MetricsConventions emporiumMetricsConventions() {
        return new MetricsConventions();
    }
}
