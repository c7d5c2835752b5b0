package com.emporium.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the services behind the gateway, on a random loopback port: it answers every {@code /api/**}
 * call with 200 and a JSON echo of what reached it (method, path, headers, body size), serves a JWKS the test
 * controls, and sleeps on {@code /api/users/slow} past the gateway's response timeout.
 */
final class Upstream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicReference<String> jwks = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger jwksFetches = new AtomicInteger();

    Upstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            respond(exchange, 200, jwks.get());
        });
        server.createContext("/api/users/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{}");
        });
        server.createContext("/", this::echo);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    void publishKeys(String jwksJson) {
        jwks.set(jwksJson);
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    private void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, Object> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.size() == 1 ? values.getFirst() : List.copyOf(values)));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("headers", headers);
        echo.put("bodyBytes", body.length);
        respond(exchange, 200, JSON.writeValueAsString(echo));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
