package com.emporium.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingExportTest {

    @Test
    void exportsNothingWhenNoBackendIsNamed() {
        // given no trace backend in the environment
        Map<String, String> environment = Map.of();

        // when
        Map<String, Object> properties = TracingExport.properties(environment::get);

        // then
        assertThat(properties).containsExactly(Map.entry("management.tracing.export.zipkin.enabled", false));
    }

    @Test
    void sendsSpansToTheZipkinServerThatZipkinUrlNames() {
        Map<String, String> environment = Map.of("ZIPKIN_URL", "http://127.0.0.1:9411/");

        Map<String, Object> properties = TracingExport.properties(environment::get);

        assertThat(properties)
                .containsEntry("management.tracing.export.zipkin.enabled", true)
                .containsEntry("management.tracing.export.zipkin.endpoint", "http://127.0.0.1:9411/api/v2/spans")
                .containsEntry("management.tracing.export.zipkin.encoding", "PROTO3")
                .doesNotContainKey("management.opentelemetry.tracing.export.otlp.endpoint");
    }

    @Test
    void sendsSpansOverOtlpInsteadOfToZipkinWhereAnOtlpEndpointIsSet() {
        Map<String, String> environment = Map.of("ZIPKIN_URL", "http://127.0.0.1:9411",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");

        Map<String, Object> properties = TracingExport.properties(environment::get);

        assertThat(properties)
                .containsEntry("management.opentelemetry.tracing.export.otlp.endpoint",
                        "http://collector:4318/v1/traces")
                .containsEntry("management.tracing.export.zipkin.enabled", false);
    }

    @Test
    void takesTheTracesEndpointAsItIs() {
        Map<String, String> environment = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom");

        Map<String, Object> properties = TracingExport.properties(environment::get);

        assertThat(properties).containsEntry("management.opentelemetry.tracing.export.otlp.endpoint",
                "http://traces:4318/custom");
    }
}
