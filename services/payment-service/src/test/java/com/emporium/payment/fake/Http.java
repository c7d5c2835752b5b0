package com.emporium.payment.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/** What the stand-ins share: a loopback server and JSON answers. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    static HttpServer bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, body, Map.of());
    }

    static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException ex) {
            // the client gave up waiting
        } finally {
            exchange.close();
        }
    }

    static Map<String, Object> problem(String type, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", type);
        problem.putAll(extensions);
        return problem;
    }
}
