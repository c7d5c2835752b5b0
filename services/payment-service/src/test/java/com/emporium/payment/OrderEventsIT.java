package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.payment.OrderEventsPublisher.Event;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Order events keep the order's facts (the status only moves forward, whatever the order and duplicates of
 * arrival), and a cancellation refunds the order's charge, exactly once.
 */
class OrderEventsIT extends PaymentServiceIT {

    private static final OrderEventsPublisher PUBLISHER = new OrderEventsPublisher(BROKER);

    @AfterAll
    static void closePublisher() throws Exception {
        PUBLISHER.close();
    }

    @Test
    void aPaymentUsesThePlacedEventsAmountWithoutAskingOrderService() {
        Person ada = customer();
        UUID order = UUID.randomUUID();
        PUBLISHER.publish(OrderEventsPublisher.placed(order, ada.id(), "7.50"));
        awaitFacts(order, "pending");
        int asked = ORDERS.requests();

        ApiResponse paid = pay(ada, order, "tok_visa", key()).send();

        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.json().get("amount").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(ORDERS.requests()).isEqualTo(asked);
    }

    @Test
    void aCancellationAfterTheChargeRefundsItOnceEvenWhenRedelivered() {
        Person ada = customer();
        UUID order = order(ada);
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "payment.refunded")) {
            UUID payment = UUID.fromString(pay(ada, order, "tok_visa", key()).send().json().get("id").asString());
            Event cancelled = OrderEventsPublisher.cancelled(order, ada.id());

            PUBLISHER.publish(cancelled);
            PUBLISHER.publish(cancelled);
            PUBLISHER.publish(OrderEventsPublisher.cancelled(order, ada.id()));

            JsonNode refunded = Events.payload(events.awaitMatching(m -> Events.is(m, "PaymentRefunded", order),
                    PATIENCE));
            assertThat(refunded.get("reason").asString()).isEqualTo("order-cancelled");
            assertThat(refunded.get("paymentId").asString()).isEqualTo(payment.toString());
            ApiResponse read = api.get("/api/payments/" + payment).bearer(ada.token()).send();
            assertThat(read.json().get("status").asString()).isEqualTo("refunded");
            assertThat(read.json().get("refund").get("status").asString()).isEqualTo("succeeded");
            await().pollDelay(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> true);
            assertThat(events.all().stream().filter(m -> Events.is(m, "PaymentRefunded", order))).hasSize(1);
            assertThat(refundsAtTheProviderOf(order)).isOne();
        }
    }

    @Test
    void aChargeThatSucceedsAfterTheOrderWasCancelledIsRefunded() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.answerLate(READ_TIMEOUT.multipliedBy(3));
        UUID payment = UUID.fromString(pay(ada, order, "tok_visa", key()).send().json().get("id").asString());
        PUBLISHER.publish(OrderEventsPublisher.cancelled(order, ada.id()));
        awaitFacts(order, "cancelled");

        await().atMost(PATIENCE).until(() -> "refunded".equals(jdbc.queryForObject(
                "SELECT refund_status FROM payments WHERE id = ?", String.class, payment)));
        assertThat(statusOf(payment)).isEqualTo("succeeded");
        assertThat(refundsAtTheProviderOf(order)).isOne();
    }

    @Test
    void anyOrderAndDuplicatesOfTheOrdersEventsEndInTheSameState() {
        for (int round = 0; round < 4; round++) {
            Person ada = customer();
            UUID paid = order(ada);
            UUID inFlight = order(ada);
            pay(ada, paid, "tok_visa", key()).send();
            jdbc.update("""
                    INSERT INTO order_facts (order_id, customer_id, status, updated_at)
                    VALUES (?, ?, 'pending', now())""", inFlight, ada.id());
            jdbc.update("""
                    INSERT INTO payments (id, order_id, customer_id, amount_minor, currency, status, created_at,
                        updated_at) VALUES (?, ?, ?, 2500, 'USD', 'processing', now(), now())""",
                    UUID.randomUUID(), inFlight, ada.id());
            for (UUID order : List.of(paid, inFlight)) {
                List<Event> events = new ArrayList<>(List.of(OrderEventsPublisher.placed(order, ada.id(), "25.00"),
                        OrderEventsPublisher.confirmed(order, ada.id()), OrderEventsPublisher.cancelled(order, ada.id())));
                events.add(events.get(round % 3));
                Collections.shuffle(events);
                events.forEach(PUBLISHER::publish);
            }

            for (UUID order : List.of(paid, inFlight)) {
                awaitFacts(order, "cancelled");
                assertThat(jdbc.queryForMap("SELECT amount_minor, currency FROM order_facts WHERE order_id = ?", order))
                        .isEqualTo(Map.of("amount_minor", 2500L, "currency", "USD"));
            }
            await().atMost(PATIENCE).until(() -> count(
                    "SELECT count(*) FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = ? "
                            + "AND r.status = 'succeeded'", paid) == 1);
            assertThat(count("SELECT count(*) FROM refunds r JOIN payments p ON p.id = r.payment_id "
                    + "WHERE p.order_id = ?", inFlight)).isZero();
        }
    }

    private void awaitFacts(UUID order, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> count(
                "SELECT count(*) FROM order_facts WHERE order_id = ? AND status = ?", order, status) == 1);
    }

    private static long refundsAtTheProviderOf(UUID order) {
        return SANDBOX.refunds().stream().filter(refund -> SANDBOX.charges().stream()
                .anyMatch(charge -> charge.get("id").equals(refund.get("chargeId"))
                        && charge.get("description").equals("order " + order))).count();
    }

}
