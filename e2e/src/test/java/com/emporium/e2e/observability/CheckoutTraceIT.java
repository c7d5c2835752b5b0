package com.emporium.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Gateway;
import com.emporium.e2e.Orders;
import com.emporium.e2e.Payments;
import com.emporium.e2e.Platform;
import com.emporium.e2e.observability.ZipkinTrace.Span;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One checkout, one trace: the shopper's two requests (the order, then its payment) carry the trace context of
 * one checkout span the test plays the storefront's part in, and every service adds its spans to that trace,
 * across HTTP and across RabbitMQ. The trace is read back from the Zipkin server the platform exports to, and its
 * shape is asserted: who is whose parent, not only which services appear.
 */
class CheckoutTraceIT {

    /** Spans reach Zipkin in batches (every 5 s at most) after the events have crossed the broker. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final ApiClient orders = Gateway.client("order-service");
    private final ApiClient payments = Gateway.client("payment-service");

    @Test
    void aCheckoutIsOneTraceThroughTheGatewayEveryServiceAndEveryEvent() {
        // given a shopper, a product and a checkout span of the storefront's own (sampled)
        Account customer = Accounts.customer();
        Product product = Catalog.product(4, "9.50");
        String traceId = hex(16);
        String checkoutSpan = hex(8);
        String traceparent = "00-" + traceId + "-" + checkoutSpan + "-01";

        // when the shopper orders and pays within that checkout
        ApiResponse placed = orders.post("/api/orders").bearer(customer.accessToken())
                .header("traceparent", traceparent).json(Orders.orderOf(product.id(), 2)).send();
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        UUID order = UUID.fromString(placed.json().get("orderId").asString());
        ApiResponse paid = payments.post("/api/payments").bearer(customer.accessToken())
                .header("traceparent", traceparent).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("orderId", order, "paymentToken", Payments.TOKEN_SUCCEEDS)).send();
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        String payment = paid.json().get("id").asString();

        // then both answers name the trace, and Zipkin holds it, down to inventory's commit of the stock
        assertThat(placed.header("X-Trace-Id")).hasValue(traceId);
        assertThat(paid.header("X-Trace-Id")).hasValue(traceId);
        ZipkinTrace trace = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> ZipkinTrace.read(Platform.current().zipkin(), traceId),
                        read -> complete(read, checkoutSpan));
        assertThat(trace.spans()).allSatisfy(span -> assertThat(span.traceId()).isEqualTo(traceId));
        assertThat(trace.services()).contains("gateway", "order-service", "inventory-service", "payment-service",
                "payment-sandbox");

        // the order: gateway server span <- the checkout span; order-service's server span <- the gateway's client
        // span <- the gateway's server span; the request's span names the order
        Span orderRequest = trace.one(s -> s.kind().equals("SERVER") && s.service().equals("order-service")
                && "/api/orders".equals(s.tags().get("http.url")), "order-service POST /api/orders");
        Span orderCall = parent(trace, orderRequest);
        assertThat(orderCall.kind()).isEqualTo("CLIENT");
        assertThat(orderCall.service()).isEqualTo("gateway");
        Span orderEdge = parent(trace, orderCall);
        assertThat(orderEdge.kind()).isEqualTo("SERVER");
        assertThat(orderEdge.service()).isEqualTo("gateway");
        assertThat(orderEdge.parentId()).isEqualTo(checkoutSpan);
        assertThat(orderRequest.tags()).containsEntry("order.id", order.toString());
        // its reservation: inventory-service's server span is the child of an order-service client span within
        // the order request
        Span reserve = trace.one(s -> s.kind().equals("SERVER") && s.service().equals("inventory-service")
                && s.tags().getOrDefault("http.url", "").startsWith("/internal/"), "inventory-service reservation");
        Span reserveCall = parent(trace, reserve);
        assertThat(reserveCall.kind()).isEqualTo("CLIENT");
        assertThat(reserveCall.service()).isEqualTo("order-service");
        assertThat(trace.ancestorsOf(reserveCall)).contains(orderRequest);
        // its queries are children of the request's span
        assertThat(trace.childrenOf(orderRequest)).filteredOn(Span::isQuery).isNotEmpty();

        // OrderPlaced: published in a PRODUCER span, a child of the request that recorded it; handled by
        // payment-service (which learns the order's amount from it) in a CONSUMER span, the producer span's child,
        // tagged with the order; the consumer's queries are its children
        Span orderPlaced = trace.one(s -> s.is("PRODUCER", "order-service", "publish orderplaced"),
                "publishing OrderPlaced");
        assertThat(orderPlaced.parentId()).isEqualTo(orderRequest.id());
        assertThat(orderPlaced.remoteService()).isEqualTo("rabbitmq");
        Span orderPlacedHandled = consumerOf(trace, orderPlaced, "payment-service", "handle orderplaced");
        assertThat(orderPlacedHandled.tags()).containsEntry("order.id", order.toString())
                .containsEntry("event.type", "OrderPlaced");
        assertThat(trace.childrenOf(orderPlacedHandled)).filteredOn(Span::isQuery).isNotEmpty();

        // the payment: payment-service's server span <- the gateway's client span <- the gateway's server span
        // <- the checkout span; it names the order and the payment
        Span paymentRequest = trace.one(s -> s.kind().equals("SERVER") && s.service().equals("payment-service")
                && "/api/payments".equals(s.tags().get("http.url")), "payment-service POST /api/payments");
        Span paymentCall = parent(trace, paymentRequest);
        assertThat(paymentCall.kind()).isEqualTo("CLIENT");
        assertThat(paymentCall.service()).isEqualTo("gateway");
        assertThat(parent(trace, paymentCall).parentId()).isEqualTo(checkoutSpan);
        assertThat(paymentRequest.tags()).containsEntry("order.id", order.toString())
                .containsEntry("payment.id", payment);
        // payment-service charged the card at the sandbox: the sandbox's server span is the child of a
        // payment-service client span within the payment request
        Span charge = trace.one(s -> s.kind().equals("SERVER") && s.service().equals("payment-sandbox")
                && "/v1/charges".equals(s.tags().get("http.url")), "the sandbox's charge");
        Span chargeCall = parent(trace, charge);
        assertThat(chargeCall.kind()).isEqualTo("CLIENT");
        assertThat(chargeCall.service()).isEqualTo("payment-service");
        assertThat(trace.ancestorsOf(chargeCall)).contains(paymentRequest);

        // PaymentSucceeded -> order-service confirms the order -> OrderConfirmed -> inventory commits the stock:
        // each consumer the child of its producer, each producer within the span of the work that recorded it
        Span paymentSucceeded = trace.one(s -> s.is("PRODUCER", "payment-service", "publish paymentsucceeded"),
                "publishing PaymentSucceeded");
        assertThat(trace.ancestorsOf(paymentSucceeded)).contains(paymentRequest);
        Span paymentHandled = consumerOf(trace, paymentSucceeded, "order-service", "handle paymentsucceeded");
        assertThat(paymentHandled.tags()).containsEntry("order.id", order.toString());
        Span orderConfirmed = trace.one(s -> s.is("PRODUCER", "order-service", "publish orderconfirmed"),
                "publishing OrderConfirmed");
        assertThat(orderConfirmed.parentId()).isEqualTo(paymentHandled.id());
        Span committed = consumerOf(trace, orderConfirmed, "inventory-service", "handle orderconfirmed");
        assertThat(trace.ancestorsOf(committed)).contains(paymentRequest, parent(trace, paymentCall))
                .doesNotContain(orderRequest);

        // and no query stands outside the work it belongs to
        assertThat(trace.all(Span::isQuery)).allSatisfy(query -> assertThat(trace.parentOf(query))
                .as("parent of %s", query.describe()).isPresent());
        System.out.printf("checkout trace %s: %d spans from %s%n%s%n", traceId, trace.spans().size(),
                trace.services(), trace);
    }

    /**
     * The trace is complete once Zipkin holds the handling of each of the saga's events here and the parent of
     * every span but the checkout's own (each service sends its spans in batches of its own, so one service's
     * spans may arrive before another's they descend from).
     */
    private static boolean complete(ZipkinTrace trace, String checkoutSpan) {
        return Set.of("payment-service handle orderplaced", "order-service handle paymentsucceeded",
                        "inventory-service handle orderconfirmed").stream()
                .allMatch(event -> trace.find(s -> s.kind().equals("CONSUMER")
                        && (s.service() + " " + s.name()).equals(event)).isPresent())
                && trace.spans().stream().allMatch(span -> checkoutSpan.equals(span.parentId())
                        || trace.parentOf(span).isPresent());
    }

    private static Span parent(ZipkinTrace trace, Span span) {
        return trace.parentOf(span).orElseThrow(() -> new AssertionError("the parent of " + span.describe()
                + " is not in the trace:\n" + trace));
    }

    /** The one CONSUMER span that handled what {@code producer} published, which must be its child. */
    private static Span consumerOf(ZipkinTrace trace, Span producer, String service, String name) {
        Span consumer = trace.one(s -> s.is("CONSUMER", service, name), service + " " + name);
        assertThat(consumer.parentId()).as("parent of %s", consumer.describe()).isEqualTo(producer.id());
        assertThat(consumer.tags()).containsEntry("messaging.message.id", producer.tags().get("messaging.message.id"));
        return consumer;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
