package com.emporium.gateway;

import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the services behind the gateway (Reactor Netty, a random loopback port): every {@code /api/**}
 * call gets 200 and a JSON echo of what reached it (method, path, headers, body size); it serves a JWKS the
 * test controls (and can make fail); {@code /api/users/slow} answers after the gateway's response timeout; and
 * {@code /api/users/reset} resets the connection (a TCP RST) once the request has arrived, as a process killed
 * mid-request does; {@code /api/users/concurrent} holds each call until {@value #HOLD_TARGET} are in flight at once (or a second
 * passed), recording the peak.
 */
final class Upstream implements AutoCloseable {

    static final int HOLD_TARGET = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicReference<String> jwks = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger jwksStatus = new AtomicInteger(200);
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final DisposableServer server;

    Upstream() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/.well-known/jwks.json", (request, response) -> {
                            jwksFetches.incrementAndGet();
                            return json(response.status(jwksStatus.get()), jwks.get());
                        })
                        .get("/api/users/slow", (request, response) ->
                                Mono.delay(Duration.ofSeconds(3)).then(Mono.from(json(response, "{}"))))
                        .get("/api/users/concurrent", this::hold)
                        .get("/api/users/reset", Upstream::reset)
                        .route(request -> true, this::echo))
                .bindNow();
    }

    int port() {
        return server.port();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    void publishKeys(String jwksJson) {
        jwks.set(jwksJson);
    }

    void failJwks(boolean failing) {
        jwksStatus.set(failing ? 500 : 200);
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    int peakInFlight() {
        return peak.get();
    }

    private static Publisher<Void> reset(HttpServerRequest request, HttpServerResponse response) {
        request.withConnection(connection -> {
            // linger 0: close() sends RST instead of FIN
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        });
        return Mono.never();
    }

    private Publisher<Void> hold(HttpServerRequest request, HttpServerResponse response) {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        return Flux.interval(Duration.ofMillis(5))
                .filter(tick -> peak.get() >= HOLD_TARGET)
                .next()
                .timeout(Duration.ofSeconds(1), Mono.just(0L))
                .then(Mono.from(json(response, "{\"held\":true}")))
                .doFinally(signal -> inFlight.decrementAndGet());
    }

    private Publisher<Void> echo(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            Map<String, Object> headers = new LinkedHashMap<>();
            request.requestHeaders().names().forEach(name -> {
                List<String> values = request.requestHeaders().getAll(name);
                headers.put(name.toLowerCase(Locale.ROOT), values.size() == 1 ? values.getFirst() : values);
            });
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", request.method().name());
            echo.put("path", request.fullPath());
            echo.put("headers", headers);
            echo.put("bodyBytes", body.length);
            return Mono.from(json(response, JSON.writeValueAsString(echo)));
        });
    }

    private static Publisher<Void> json(HttpServerResponse response, String body) {
        return response.header("Content-Type", "application/json")
                .sendByteArray(Mono.just(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.disposeNow();
    }

}
