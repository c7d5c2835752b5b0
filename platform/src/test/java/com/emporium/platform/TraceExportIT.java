package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where a service sends its spans, on a real server: to the Zipkin server {@code ZIPKIN_URL} names, or over OTLP
 * where {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, never both. A small HTTP server stands in for the backend and
 * records what it is sent.
 */
class TraceExportIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** One request the stand-in backend received. */
    record Received(String method, String path, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer backend;
    private ConfigurableApplicationContext probe;

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    new String(body, StandardCharsets.ISO_8859_1)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.close();
        }
        backend.stop(0);
    }

    @Test
    void sendsSpansInZipkinsProtobufFormatToTheZipkinServerZipkinUrlNames() throws Exception {
        // given a service told where its Zipkin server is
        start("--ZIPKIN_URL=" + backendUrl());

        // when it takes a sampled request
        String traceId = sampledRequest();

        // then the Zipkin server receives the request's span (its trace id as 16 bytes, its service's name), in
        // Zipkin's protobuf encoding, and nothing goes over OTLP
        String traceIdBytes = new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1);
        await().atMost(PATIENCE).until(() -> received.stream().anyMatch(r -> r.body().contains(traceIdBytes)));
        assertThat(received).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v2/spans");
            assertThat(request.contentType()).isEqualTo("application/x-protobuf");
        });
        assertThat(received).anySatisfy(request -> assertThat(request.body()).contains(traceIdBytes)
                .contains("probe"));
    }

    @Test
    void sendsSpansOverOtlpInsteadWhereAnOtlpEndpointIsSet() throws Exception {
        // given a service told of a Zipkin server and of an OpenTelemetry collector
        start("--ZIPKIN_URL=http://127.0.0.1:9/no-zipkin-here", "--OTEL_EXPORTER_OTLP_ENDPOINT=" + backendUrl());

        // when it takes a sampled request
        sampledRequest();

        // then the spans go to the collector's traces path, as OTLP/HTTP protobuf
        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        assertThat(received).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/traces");
            assertThat(request.contentType()).isEqualTo("application/x-protobuf");
        });
    }

    private void start(String... arguments) {
        probe = new SpringApplicationBuilder(ProbeApplication.class)
                .run(ProbeApplication.arguments(arguments));
    }

    private String backendUrl() {
        return "http://127.0.0.1:" + backend.getAddress().getPort();
    }

    /** A request with a sampled trace context of its own; its trace id. */
    private String sampledRequest() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        int port = ((WebServerApplicationContext) probe).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/probe/address"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return traceId;
    }
}
