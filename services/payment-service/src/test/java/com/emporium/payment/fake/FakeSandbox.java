package com.emporium.payment.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The payment provider's API (the sandbox's {@code /v1/charges}, {@code /v1/refunds}) as payment-service uses it:
 * the secret key, idempotency by key (the same key answers the first answer again, and charges once), look-ups by
 * idempotency key, declines by token ({@code tok_declined}, {@code tok_insufficient_funds}), 400 naming {@code token}
 * for {@code tok_unknown} and naming {@code amount} over 1,000,000. Faults: {@link #retryLater(int)} answers 503 with
 * {@code Retry-After} to the next charge attempts ({@link #retryLaterSlowly} after a delay), {@link #answerLate}
 * charges and then answers after a delay, {@link #loseCharges} never receives a charge (and answers late; see
 * {@link #commitLate}), {@link #garbleLookupsOf} and {@link #refuseChargesNaming} answer what cannot be used,
 * {@link #answerRefundsLate} and {@link #refuseRefunds} slow or refuse refunds, {@link #stop()} refuses connections.
 */
public final class FakeSandbox {

    public static final String SECRET_KEY = "sandbox-it-secret-key";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private record Answer(int status, Map<String, Object> body) {
    }

    private final int port;
    private final Map<String, Answer> byKey = new HashMap<>();
    private final List<Map<String, Object>> charges = new ArrayList<>();
    private final Map<String, Answer> refundsByKey = new HashMap<>();
    private final List<Map<String, Object>> refunds = new ArrayList<>();
    private final AtomicInteger chargeAttempts = new AtomicInteger();
    private final AtomicInteger refundAttempts = new AtomicInteger();
    private volatile @Nullable Duration refundDelay;
    private volatile int refuseRefunds;
    private volatile int retryLaterLeft;
    private volatile @Nullable Duration retryLaterDelay;
    private volatile @Nullable Duration late;
    private volatile @Nullable Duration lose;
    private volatile @Nullable String garbled;
    private volatile @Nullable String refuseField;
    private @Nullable HttpServer server;

    private FakeSandbox(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    public static FakeSandbox start() {
        FakeSandbox sandbox = new FakeSandbox(Http.bind(0));
        sandbox.serve();
        return sandbox;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    // ---- what it saw

    /** Every charge request that reached it, answered or not. */
    public int chargeAttempts() {
        return chargeAttempts.get();
    }

    /** The charges in its ledger (succeeded and declined). */
    public synchronized List<Map<String, Object>> charges() {
        return List.copyOf(charges);
    }

    public synchronized long chargesFor(UUID paymentId) {
        return charges.stream().filter(charge -> paymentId.toString().equals(charge.get("reference"))).count();
    }

    public synchronized List<Map<String, Object>> refunds() {
        return List.copyOf(refunds);
    }

    /** Every refund request that reached it, replays of a key included. */
    public int refundAttempts() {
        return refundAttempts.get();
    }

    // ---- faults

    public void retryLater(int attempts) {
        retryLaterLeft = attempts;
    }

    /** As {@link #retryLater(int)}, each 503 only after {@code delay}. */
    public void retryLaterSlowly(int attempts, Duration delay) {
        retryLaterDelay = delay;
        retryLaterLeft = attempts;
    }

    public void answerLate(Duration delay) {
        late = delay;
    }

    public void loseCharges(Duration delay) {
        lose = delay;
    }

    /**
     * Commits now a charge it received earlier under {@code key} without recording it (as {@link #loseCharges} does):
     * the provider's late commit.
     */
    public void commitLate(UUID key, String token, BigDecimal amount) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("token", token);
        request.put("amount", amount);
        request.put("currency", "USD");
        request.put("reference", key.toString());
        request.put("description", "committed late");
        charge(key.toString(), Http.JSON.valueToTree(request));
    }

    /** Charges answer 400 naming {@code field} (as if payment-service sent it wrong); nothing is charged. */
    public void refuseChargesNaming(String field) {
        refuseField = field;
    }

    /** Refunds are answered only after {@code delay} (made at once). */
    public void answerRefundsLate(Duration delay) {
        refundDelay = delay;
    }

    /** Refunds answer 422 {@code refund-exceeds-charge} (nothing refunded). */
    public void refuseRefunds() {
        refuseRefunds = 422;
    }

    /** Look-ups answer the charges made with {@code token} with a card that is not one (last4 {@code 42x}). */
    public void garbleLookupsOf(String token) {
        garbled = token;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void behave() {
        retryLaterLeft = 0;
        retryLaterDelay = null;
        garbled = null;
        refuseField = null;
        refundDelay = null;
        refuseRefunds = 0;
        late = null;
        lose = null;
        if (server == null) {
            server = Http.bind(port);
            serve();
        }
    }

    // ---- the server

    private void serve() {
        HttpServer running = server;
        running.createContext("/v1/charges", exchange -> authorized(exchange, this::charges));
        running.createContext("/v1/refunds", exchange -> authorized(exchange, this::refund));
        running.start();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void authorized(HttpExchange exchange, Handler handler) throws IOException {
        if (!("Bearer " + SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Http.send(exchange, 401, Http.problem("urn:problem:sandbox:unauthorized", Map.of()));
            return;
        }
        handler.handle(exchange);
    }

    private void charges(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            lookup(exchange);
            return;
        }
        chargeAttempts.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode request = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
        Duration lost = lose;
        if (lost != null) {
            pause(lost);
            exchange.close();
            return;
        }
        boolean retryLater = false;
        synchronized (this) {
            if (retryLaterLeft > 0 && !byKey.containsKey(key)) {
                retryLaterLeft--;
                retryLater = true;
            }
        }
        if (retryLater) {
            Duration slow = retryLaterDelay;
            if (slow != null) {
                pause(slow);
            }
            Http.send(exchange, 503, Http.problem("urn:problem:sandbox:retry-later", Map.of()),
                    Map.of("Retry-After", "1"));
            return;
        }
        Answer answer = charge(key, request);
        Duration delay = late;
        if (delay != null) {
            pause(delay);
        }
        Http.send(exchange, answer.status(), answer.body(),
                Map.of());
    }

    private Answer charge(String key, JsonNode request) {
        synchronized (this) {
            Answer earlier = byKey.get(key);
            if (earlier != null) {
                return earlier;
            }
            String token = request.get("token").asString();
            if (token.equals("tok_unknown")) {
                return invalid("unknown-token", "token", "names no card token");
            }
            if (request.get("amount").decimalValue().compareTo(MAX_AMOUNT) > 0) {
                return invalid("validation", "amount", "must be at most 1000000");
            }
            String refused = refuseField;
            if (refused != null) {
                return invalid("validation", refused, "is not valid");
            }
            String decline = switch (token) {
                case "tok_declined" -> "card-declined";
                case "tok_insufficient_funds" -> "insufficient-funds";
                default -> null;
            };
            Map<String, Object> charge = new LinkedHashMap<>();
            charge.put("id", "ch_" + UUID.randomUUID().toString().replace("-", ""));
            charge.put("status", decline == null ? "succeeded" : "declined");
            charge.put("amount", request.get("amount").decimalValue());
            charge.put("currency", request.get("currency").asString());
            charge.put("token", token);
            charge.put("card", Map.of("brand", "visa", "last4", "4242"));
            charge.put("reference", request.get("reference").asString());
            charge.put("description", request.get("description").asString());
            charge.put("amountRefunded", BigDecimal.ZERO.setScale(2));
            charge.put("refunds", List.of());
            charge.put("createdAt", Instant.now().toString());
            charge.put("idempotencyKey", key);
            if (decline != null) {
                charge.put("declineCode", decline);
            }
            charges.add(charge);
            Answer answer = decline == null ? new Answer(201, charge)
                    : new Answer(402, Http.problem("urn:problem:sandbox:card-declined",
                            Map.of("declineCode", decline, "charge", charge)));
            byKey.put(key, answer);
            return answer;
        }
    }

    /** Its 400, naming the field as the sandbox does (and recorded nowhere). */
    private static Answer invalid(String type, String field, String message) {
        return new Answer(400, Http.problem("urn:problem:sandbox:" + type,
                Map.of("errors", List.of(Map.of("field", field, "message", message)))));
    }

    private void lookup(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String key = null;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("idempotencyKey=")) {
                key = URLDecoder.decode(pair.substring(15), StandardCharsets.UTF_8);
            }
        }
        List<Map<String, Object>> items;
        synchronized (this) {
            String wanted = key;
            String garble = garbled;
            items = charges.stream().filter(charge -> wanted == null || wanted.equals(charge.get("idempotencyKey")))
                    .map(charge -> garble == null || !garble.equals(charge.get("token")) ? charge : garbled(charge))
                    .toList();
        }
        Http.send(exchange, 200, Map.of("items", items, "page", 0, "size", 20, "totalItems", items.size(),
                "totalPages", items.isEmpty() ? 0 : 1));
    }

    private static Map<String, Object> garbled(Map<String, Object> charge) {
        Map<String, Object> copy = new LinkedHashMap<>(charge);
        copy.put("card", Map.of("brand", "visa", "last4", "42x"));
        return copy;
    }

    private void refund(HttpExchange exchange) throws IOException {
        refundAttempts.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode request = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (refuseRefunds != 0) {
            Http.send(exchange, refuseRefunds, Http.problem("urn:problem:sandbox:refund-exceeds-charge", Map.of()));
            return;
        }
        Answer answer;
        synchronized (this) {
            answer = refundsByKey.get(key);
            if (answer == null) {
                Map<String, Object> refund = new LinkedHashMap<>();
                refund.put("id", "re_" + UUID.randomUUID().toString().replace("-", ""));
                refund.put("chargeId", request.get("chargeId").asString());
                refund.put("amount", request.get("amount").decimalValue());
                refund.put("currency", "USD");
                refund.put("status", "succeeded");
                refund.put("reason", request.has("reason") ? request.get("reason").asString() : null);
                refund.put("createdAt", Instant.now().toString());
                refunds.add(refund);
                answer = new Answer(201, refund);
                refundsByKey.put(key, answer);
            }
        }
        Duration delay = refundDelay;
        if (delay != null) {
            pause(delay);
        }
        Http.send(exchange, answer.status(), answer.body());
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
