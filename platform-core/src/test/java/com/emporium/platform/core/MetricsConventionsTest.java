package com.emporium.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.platform.metrics.conventions.MetricsConventions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsConventionsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    MetricsConventionsTest() {
        registry.config().meterFilter(new MetricsConventions());
    }

    @Test
    void givesHelpTextToMetersRegisteredWithout() {
        Timer.builder("http.server.requests").register(registry);
        Counter.builder("some.library.events").register(registry);
        Counter.builder("emporium.orders.placed").description("Orders placed").register(registry);

        assertThat(registry.get("http.server.requests").timer().getId().getDescription())
                .startsWith("HTTP requests answered");
        assertThat(registry.get("some.library.events").counter().getId().getDescription())
                .isEqualTo("some.library.events");
        assertThat(registry.get("emporium.orders.placed").counter().getId().getDescription())
                .isEqualTo("Orders placed");
    }

    @Test
    void leavesOutAbbreviatedUnitsCountGaugesAndSecurityFilterMeters() {
        FunctionCounter.builder("jvm.compilation.time", this, any -> 1.0).baseUnit("ms").register(registry);
        Gauge.builder("system.cpu.count", () -> 2).register(registry);
        Counter.builder("spring.security.filterchains.AuthenticationFilter.before").register(registry);
        Gauge.builder("jvm.threads.live", () -> 20).baseUnit("threads").register(registry);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .containsExactly("jvm.threads.live");
    }

    @Test
    void keepsTheDurationHistogramOffInFlightRequests() {
        Timer requests = Timer.builder("http.server.requests").publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(250)).register(registry);
        LongTaskTimer active = LongTaskTimer.builder("http.server.requests.active").publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(250)).register(registry);

        assertThat(requests.takeSnapshot().histogramCounts()).isNotEmpty();
        assertThat(active.takeSnapshot().histogramCounts()).isEmpty();
    }
}
