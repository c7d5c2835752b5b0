package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.events.EventContract;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * payment-service's {@code PaymentSucceeded} confirms a pending order (and only a pending one), exactly once however
 * often it arrives, and never for another amount than the order's.
 */
class PaymentSucceededIT extends OrderServiceIT {

    private static final PaymentEvents PAYMENTS = new PaymentEvents(BROKER);

    @AfterAll
    static void closePublisher() {
        PAYMENTS.close();
    }

    @Test
    void aSucceededPaymentConfirmsThePendingOrderOnceHoweverOftenItArrives() {
        Person ada = customer();
        UUID order = placed(ada);
        UUID payment = UUID.randomUUID();
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.confirmed")) {
            UUID eventId = PAYMENTS.succeeded(order, payment, "12.50");
            PAYMENTS.succeeded(eventId, order, payment, "12.50");
            UUID last = PAYMENTS.succeeded(order, payment, "12.50");

            awaitStatus(order, "confirmed");
            CapturedMessage confirmed = events.awaitMatching(message -> message.bodyText().contains(order.toString()),
                    PATIENCE);
            EventContract.forRepository().validate(confirmed);
            // one queue, one consumer, in order: once the last is handled, so is the duplicate before it
            awaitHandledEvent(last);
            assertThat(events.all().stream().filter(message -> message.bodyText().contains(order.toString())))
                    .hasSize(1);
        }
        ApiResponse read = api.get("/api/orders/" + order).bearer(ada.token()).send();
        assertThat(read.json().get("status").asString()).isEqualTo("confirmed");
        assertThat(read.json().get("paymentId").asString()).isEqualTo(payment.toString());
    }

    @Test
    void aPaymentThatSucceedsAfterTheOrderWasCancelledLeavesItCancelled() {
        Person ada = customer();
        UUID order = placed(ada);
        assertThat(api.put("/api/orders/" + order + "/cancel").bearer(ada.token()).send().status()).isEqualTo(200);
        // the cancellation's own event is out before the capture starts: only what the payment causes is seen
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> count(
                "SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND sent_at IS NULL", order.toString()) == 0);

        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.*")) {
            UUID eventId = PAYMENTS.succeeded(order, UUID.randomUUID(), "12.50");

            awaitHandledEvent(eventId);
            assertThat(statusOf(order)).isEqualTo("cancelled");
            assertThat(paymentOf(order)).isNull();
            assertThat(events.all()).noneMatch(message -> message.bodyText().contains(order.toString()));
        }
    }

    @Test
    void aSecondPaymentOfAConfirmedOrderChangesNothing() {
        UUID order = placed(customer());
        UUID first = UUID.randomUUID();
        PAYMENTS.succeeded(order, first, "12.50");
        awaitStatus(order, "confirmed");

        UUID eventId = PAYMENTS.succeeded(order, UUID.randomUUID(), "12.50");

        awaitHandledEvent(eventId);
        assertThat(statusOf(order)).isEqualTo("confirmed");
        assertThat(paymentOf(order)).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM event_outbox WHERE routing_key = 'order.confirmed' AND body LIKE ?",
                "%" + order + "%")).isOne();
    }

    @Test
    void aPaymentOfAnotherAmountIsDeadLetteredAndTheOrderStaysPending() {
        UUID order = placed(customer());

        UUID eventId = PAYMENTS.succeeded(order, UUID.randomUUID(), "12.49");

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM event_dead_letter WHERE message_id = ?",
                eventId.toString()) == 1);
        String reason = jdbc.queryForObject("SELECT reason FROM event_dead_letter WHERE message_id = ?", String.class,
                eventId.toString());
        assertThat(reason).contains("PaymentMismatch", "12.49 USD", "12.50 USD");
        assertThat(statusOf(order)).isEqualTo("pending");
        assertThat(paymentOf(order)).isNull();
    }

    @Test
    void aPaymentOfAnUnknownOrderIsDeadLettered() {
        UUID eventId = PAYMENTS.succeeded(UUID.randomUUID(), UUID.randomUUID(), "12.50");

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM event_dead_letter WHERE message_id = ?",
                eventId.toString()) == 1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM event_dead_letter WHERE message_id = ?", Integer.class,
                eventId.toString())).isEqualTo(CONSUMER_ATTEMPTS);
    }

    private void awaitStatus(UUID order, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> statusOf(order).equals(status));
    }

    private void awaitHandledEvent(UUID eventId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> count("SELECT count(*) FROM event_inbox WHERE event_id = ?", eventId) == 1);
    }

    private UUID paymentOf(UUID order) {
        List<UUID> ids = jdbc.queryForList("SELECT payment_id FROM orders WHERE id = ?", UUID.class, order);
        return ids.getFirst();
    }
}
