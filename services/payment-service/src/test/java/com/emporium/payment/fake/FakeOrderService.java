package com.emporium.payment.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * order-service's {@code GET /internal/orders/{id}} over orders a test adds: 200 with the order's facts, 404 for an
 * unknown one, 401 without a service token user-service gave. {@link #stop()} closes the port.
 */
public final class FakeOrderService {

    private final FakeUserService users;
    private final int port;
    private final Map<UUID, Map<String, Object>> orders = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private @Nullable HttpServer server;

    private FakeOrderService(FakeUserService users, HttpServer server) {
        this.users = users;
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    public static FakeOrderService start(FakeUserService users) {
        FakeOrderService orders = new FakeOrderService(users, Http.bind(0));
        orders.serve();
        return orders;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A new order of this customer with this total and status, due in {@code dueBy}; its id. */
    public UUID order(UUID customerId, String total, String status, Instant dueBy) {
        UUID id = UUID.randomUUID();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", id);
        order.put("customerId", customerId);
        order.put("status", status);
        order.put("totalAmount", new BigDecimal(total));
        order.put("currency", "USD");
        order.put("paymentDueBy", dueBy.toString());
        orders.put(id, order);
        return id;
    }

    public int requests() {
        return requests.get();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void behave() {
        if (server == null) {
            server = Http.bind(port);
            serve();
        }
    }

    private void serve() {
        HttpServer running = server;
        running.createContext("/internal/orders/", this::read);
        running.start();
    }

    private void read(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !users.issued(authorization.substring(7))) {
            Http.send(exchange, 401, Http.problem("urn:problem:emporium:unauthorized", Map.of()));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, Object> order = orders.get(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        if (order == null) {
            Http.send(exchange, 404, Http.problem("urn:problem:emporium:not-found", Map.of()));
        } else {
            Http.send(exchange, 200, order);
        }
    }
}
