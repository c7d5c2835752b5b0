package com.emporium.order.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * inventory-service's internal reservation API ({@code /internal/reservations}) as SPEC.md describes it, over
 * products a test adds: all or nothing, idempotent by order id (the same lines again answer 200 with the same
 * reservation, other lines 409 {@code reservation-mismatch}), 422 {@code unknown-product} and
 * {@code insufficient-stock} with their extensions, release by {@code DELETE}. Only a valid service token gets in.
 *
 * <p>Faults, for the reservation requests: {@link #failWith(int)} answers a status, {@link #failNext(int)} fails a
 * few and then answers, {@link #hang()} holds every request until {@link #behave()}, {@link #dropConnections()}
 * closes the connection without answering, and {@link #stop()} closes the port (connection refused).
 */
public final class FakeInventory implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOLD = Duration.ofMinutes(30);

    private enum Mode { ANSWER, FAIL, HANG, DROP }

    private static final class Product {
        final UUID id;
        final String sku;
        final String name;
        final BigDecimal price;
        int onHand;
        int reserved;

        Product(UUID id, String sku, String name, BigDecimal price, int onHand) {
            this.id = id;
            this.sku = sku;
            this.name = name;
            this.price = price;
            this.onHand = onHand;
        }
    }

    private record Line(UUID productId, int quantity) {
    }

    private static final class Held {
        final UUID orderId;
        final List<Line> lines;
        final Map<String, Object> body;
        String status = "held";

        Held(UUID orderId, List<Line> lines, Map<String, Object> body) {
            this.orderId = orderId;
            this.lines = lines;
            this.body = body;
        }
    }

    private final FakeUserService users;
    private final int port;
    private final Map<UUID, Product> products = new HashMap<>();
    private final Map<UUID, Held> reservations = new HashMap<>();
    private final AtomicInteger reserveRequests = new AtomicInteger();
    private final AtomicInteger releaseRequests = new AtomicInteger();
    private final AtomicInteger unauthorizedOnce = new AtomicInteger();
    private volatile Mode mode = Mode.ANSWER;
    private volatile int failStatus = 503;
    private volatile int failuresLeft = -1;
    private volatile CountDownLatch hung = new CountDownLatch(0);
    private @Nullable HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private volatile Duration hold = HOLD;

    private FakeInventory(FakeUserService users, HttpServer server) {
        this.users = users;
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    public static FakeInventory start(FakeUserService users) {
        FakeInventory inventory = new FakeInventory(users, bind(0));
        inventory.serve();
        return inventory;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    // ---- the catalogue

    /** A new product with this price (two decimals) and stock; its id. */
    public synchronized UUID product(String name, String price, int onHand) {
        UUID id = UUID.randomUUID();
        products.put(id, new Product(id, "SKU-" + id.toString().substring(0, 8).toUpperCase(), name,
                new BigDecimal(price), onHand));
        return id;
    }

    public synchronized int available(UUID productId) {
        Product product = products.get(productId);
        return product.onHand - product.reserved;
    }

    public synchronized String sku(UUID productId) {
        return products.get(productId).sku;
    }

    public synchronized Optional<String> reservationStatus(UUID orderId) {
        return Optional.ofNullable(reservations.get(orderId)).map(held -> held.status);
    }

    /** The hold of this order's reservation ran out: its stock is free again. */
    /** The hold of the reservations made from now on (30 minutes until told otherwise, and after behave()). */
    public void hold(Duration hold) {
        this.hold = hold;
    }

    public synchronized void expire(UUID orderId) {
        Held held = reservations.get(orderId);
        if (held != null && held.status.equals("held")) {
            giveBack(held);
            held.status = "expired";
        }
    }

    /** How many reservation requests (POST) reached the server, answered or not. */
    public int reserveRequests() {
        return reserveRequests.get();
    }

    public int releaseRequests() {
        return releaseRequests.get();
    }

    // ---- faults

    /** Every reservation request from now on answers this status (a 5xx). */
    public void failWith(int status) {
        failStatus = status;
        failuresLeft = -1;
        mode = Mode.FAIL;
    }

    /** The next {@code count} reservation requests answer 503, the ones after them as usual. */
    public void failNext(int count) {
        failStatus = 503;
        failuresLeft = count;
        mode = Mode.FAIL;
    }

    /** The next reservation request is answered 401, as if its token had expired. */
    public void refuseNextToken() {
        unauthorizedOnce.set(1);
    }

    /** Reservation requests are held unanswered until {@link #behave()}: clients wait for their own timeouts. */
    public void hang() {
        hung = new CountDownLatch(1);
        mode = Mode.HANG;
    }

    /** Reservation requests are read, then their connection is closed without an answer (a crash mid-request). */
    public void dropConnections() {
        mode = Mode.DROP;
    }

    /** Closes the port: connections are refused until {@link #behave()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** No faults: answers everything as inventory-service would, on the same port. */
    public synchronized void behave() {
        mode = Mode.ANSWER;
        hold = HOLD;
        failuresLeft = -1;
        unauthorizedOnce.set(0);
        hung.countDown();
        if (server == null) {
            server = bind(port);
            serve();
        }
    }

    @Override
    public synchronized void close() {
        hung.countDown();
        stop();
        threads.close();
    }

    // ---- the server

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void serve() {
        HttpServer http = server;
        http.createContext("/internal/reservations", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("POST") && path.equals("/internal/reservations")) {
            reserveRequests.incrementAndGet();
            if (!faulted(exchange)) {
                authorized(exchange, () -> reserve(exchange, body));
            }
        } else if (method.equals("DELETE") && path.startsWith("/internal/reservations/")) {
            releaseRequests.incrementAndGet();
            authorized(exchange, () -> release(exchange, UUID.fromString(path.substring(path.lastIndexOf('/') + 1))));
        } else if (method.equals("GET") && path.startsWith("/internal/reservations/")) {
            authorized(exchange, () -> read(exchange, UUID.fromString(path.substring(path.lastIndexOf('/') + 1))));
        } else {
            send(exchange, 404, problem("not-found", Map.of()));
        }
    }

    /** Whether a fault has taken care of this request (answered it, dropped it, or let it time out). */
    private boolean faulted(HttpExchange exchange) throws IOException {
        switch (mode) {
            case ANSWER -> {
                return false;
            }
            case FAIL -> {
                if (failuresLeft == 0) {
                    return false;
                }
                if (failuresLeft > 0) {
                    failuresLeft--;
                }
                send(exchange, failStatus, problem("internal", Map.of()));
                return true;
            }
            case HANG -> {
                try {
                    hung.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return true;
            }
            case DROP -> throw new IllegalStateException("inventory-service crashed mid-request (on purpose)");
        }
        return false;
    }

    private interface Action {
        void run() throws IOException;
    }

    private void authorized(HttpExchange exchange, Action action) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean valid = authorization != null && authorization.startsWith("Bearer ")
                && users.isValidServiceToken(authorization.substring(7));
        if (!valid || unauthorizedOnce.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 401, problem("unauthorized", Map.of()));
            return;
        }
        action.run();
    }

    private void reserve(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        UUID orderId = UUID.fromString(request.get("orderId").asString());
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : request.get("lines")) {
            lines.add(new Line(UUID.fromString(line.get("productId").asString()), line.get("quantity").asInt()));
        }
        Answer answer = reserve(orderId, lines);
        send(exchange, answer.status(), answer.body());
    }

    private record Answer(int status, Map<String, Object> body) {
    }

    private synchronized Answer reserve(UUID orderId, List<Line> lines) {
        Held earlier = reservations.get(orderId);
        if (earlier != null) {
            return earlier.lines.equals(lines) ? new Answer(200, view(earlier))
                    : new Answer(409, problem("reservation-mismatch", Map.of()));
        }
        List<UUID> unknown = lines.stream().map(Line::productId).filter(id -> !products.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            return new Answer(422, problem("unknown-product", Map.of("productIds", unknown)));
        }
        List<Map<String, Object>> short_ = new ArrayList<>();
        for (Line line : lines) {
            Product product = products.get(line.productId());
            int available = product.onHand - product.reserved;
            if (available < line.quantity()) {
                short_.add(Map.of("productId", line.productId(), "requested", line.quantity(), "available", available));
            }
        }
        if (!short_.isEmpty()) {
            return new Answer(422, problem("insufficient-stock", Map.of("lines", short_)));
        }
        List<Map<String, Object>> reserved = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            Product product = products.get(line.productId());
            product.reserved += line.quantity();
            reserved.add(Map.of("productId", product.id, "sku", product.sku, "name", product.name,
                    "quantity", line.quantity(), "unitPrice", product.price));
            total = total.add(product.price.multiply(BigDecimal.valueOf(line.quantity())));
        }
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("orderId", orderId);
        reservation.put("expiresAt", Instant.now().plus(hold).toString());
        reservation.put("lines", reserved);
        reservation.put("totalAmount", total);
        reservation.put("currency", "USD");
        Held held = new Held(orderId, List.copyOf(lines), reservation);
        reservations.put(orderId, held);
        return new Answer(201, view(held));
    }

    private void release(HttpExchange exchange, UUID orderId) throws IOException {
        Answer answer;
        synchronized (this) {
            Held held = reservations.get(orderId);
            if (held == null) {
                answer = new Answer(404, problem("not-found", Map.of()));
            } else {
                if (held.status.equals("held")) {
                    giveBack(held);
                    held.status = "released";
                }
                answer = new Answer(200, view(held));
            }
        }
        send(exchange, answer.status(), answer.body());
    }

    private void read(HttpExchange exchange, UUID orderId) throws IOException {
        Answer answer;
        synchronized (this) {
            Held held = reservations.get(orderId);
            answer = held == null ? new Answer(404, problem("not-found", Map.of())) : new Answer(200, view(held));
        }
        send(exchange, answer.status(), answer.body());
    }

    private void giveBack(Held held) {
        held.lines.forEach(line -> products.get(line.productId()).reserved -= line.quantity());
    }

    private static Map<String, Object> view(Held held) {
        Map<String, Object> view = new LinkedHashMap<>(held.body);
        view.put("status", held.status);
        return view;
    }

    private static Map<String, Object> problem(String kind, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:problem:emporium:" + kind);
        problem.put("title", kind);
        problem.putAll(extensions);
        return problem;
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException ex) {
            // the client gave up waiting; inventory-service would have reserved all the same
        } finally {
            exchange.close();
        }
    }
}
