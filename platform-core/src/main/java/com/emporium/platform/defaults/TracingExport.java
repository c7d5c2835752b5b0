package com.emporium.platform.defaults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where spans go, decided from the environment: over OTLP (HTTP) where {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is set, as OpenTelemetry's own SDKs read them; else in Zipkin's
 * format (protobuf) to the Zipkin server {@code ZIPKIN_URL} names; else nowhere (spans still give the logs their
 * trace ids). Nothing is exported by default, so a test or a tool that runs a service without a trace backend
 * sends nothing and logs no failed exports.
 */
final class TracingExport {

    static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String ZIPKIN_URL = "ZIPKIN_URL";

    private TracingExport() {
    }

    /** The properties that say so; lower in precedence than the environment and the application's own. */
    static Map<String, Object> properties(Function<String, @Nullable String> environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String otlp = otlpTracesEndpoint(environment);
        String zipkin = blankToNull(environment.apply(ZIPKIN_URL));
        if (otlp != null) {
            properties.put("management.opentelemetry.tracing.export.otlp.endpoint", otlp);
        }
        boolean toZipkin = otlp == null && zipkin != null;
        properties.put("management.tracing.export.zipkin.enabled", toZipkin);
        if (toZipkin) {
            properties.put("management.tracing.export.zipkin.endpoint", withoutTrailingSlash(zipkin) + "/api/v2/spans");
            // protobuf rather than JSON: cheaper to write and, on a machine shared with the server, to read
            // (bench/tracing-overhead.sh: the sampled side's CPU per request +44 % instead of +60 %)
            properties.put("management.tracing.export.zipkin.encoding", "PROTO3");
        }
        return properties;
    }

    /** The signal's own endpoint as it is; the common one with {@code /v1/traces} appended (OTLP/HTTP). */
    private static @Nullable String otlpTracesEndpoint(Function<String, @Nullable String> environment) {
        String traces = blankToNull(environment.apply(OTLP_TRACES_ENDPOINT));
        if (traces != null) {
            return traces;
        }
        String common = blankToNull(environment.apply(OTLP_ENDPOINT));
        return common == null ? null : withoutTrailingSlash(common) + "/v1/traces";
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
