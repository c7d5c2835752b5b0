package com.emporium.platform.metrics.conventions;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every {@code /metrics} within Prometheus's conventions, as {@code promtool check metrics} checks them:
 * <ul>
 * <li>every meter has help text: a meter its library registered without a description gets one (the known ones
 * a sentence, the rest their own name);</li>
 * <li>no abbreviated units ({@code ms}, {@code ns}: {@code jvm.compilation.time}, {@code process.cpu.time}), and no
 * gauge whose name ends in {@code _count} ({@code system.cpu.count}, the gateway's
 * {@code spring.cloud.gateway.routes.count}): such meters are left out;</li>
 * <li>Spring Security's per-filter observations are left out: their names carry filter class names in camel case,
 * and the request's own {@code http_server_requests_seconds} already times the whole chain;</li>
 * <li>the duration histogram configured for {@code http.server.requests} does not spill over to the in-flight
 * {@code http.server.requests.active} (a long task timer, whose buckets would describe nothing useful).</li>
 * </ul>
 */
public final class MetricsConventions implements MeterFilter {

    private static final Set<String> ABBREVIATED_UNITS = Set.of("ms", "ns", "us", "μs");
    private static final Set<String> LEFT_OUT = Set.of("system.cpu.count", "spring.cloud.gateway.routes.count");
    private static final String SECURITY_PREFIX = "spring.security.";
    private static final String ACTIVE_REQUESTS = "http.server.requests.active";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("http.server.requests",
                    "HTTP requests answered, by method, route template (uri), status, outcome and exception"),
            Map.entry(ACTIVE_REQUESTS, "HTTP requests in flight, by method and route template (uri)"),
            Map.entry("tasks.scheduled.execution", "Runs of scheduled tasks, by task and outcome"),
            Map.entry("tasks.scheduled.execution.active", "Scheduled tasks running now"),
            Map.entry("rabbitmq.connections", "Open connections to RabbitMQ"),
            Map.entry("rabbitmq.channels", "Open channels to RabbitMQ"),
            Map.entry("rabbitmq.published", "Messages published to RabbitMQ"),
            Map.entry("rabbitmq.consumed", "Messages consumed from RabbitMQ"),
            Map.entry("rabbitmq.acknowledged", "Messages consumed and acknowledged"),
            Map.entry("rabbitmq.rejected", "Messages consumed and rejected"),
            Map.entry("rabbitmq.requeued", "Messages consumed and requeued"),
            Map.entry("rabbitmq.failed_to_publish", "Messages RabbitMQ did not take"),
            Map.entry("rabbitmq.acknowledged_published", "Published messages the broker confirmed"),
            Map.entry("rabbitmq.not_acknowledged_published", "Published messages the broker refused to confirm"),
            Map.entry("rabbitmq.unrouted_published", "Published messages the broker could not route"));

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (LEFT_OUT.contains(name) || name.startsWith(SECURITY_PREFIX)
                || (id.getBaseUnit() != null && ABBREVIATED_UNITS.contains(id.getBaseUnit()))) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String description = id.getDescription();
        if (description != null && !description.isBlank()) {
            return id;
        }
        return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                id.getBaseUnit(), DESCRIPTIONS.getOrDefault(id.getName(), id.getName()), id.getType());
    }

    @Override
    public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(ACTIVE_REQUESTS)) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives()
                .build().merge(config);
    }
}
