package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A payment that succeeds after its order's payment window closed, while the expiry job lags behind: within the
 * margin the reservation holds beyond the window the order is still confirmed; past it, its stock may be gone,
 * so the order is cancelled ({@code payment-expired}) and payment-service refunds the payment. The expiry job is
 * held off (it looks once an hour) in a context of its own, or it would cancel these orders first.
 */
@TestPropertySource(properties = "emporium.orders.payment-expiry-check=1h")
class LatePaymentIT extends OrderServiceIT {

    private static final PaymentEvents PAYMENTS = new PaymentEvents(BROKER);

    @AfterAll
    static void closePublisher() {
        PAYMENTS.close();
    }

    @Test
    void aPaymentThatArrivesAfterTheWindowAndTheReservationMarginCancelsTheOrderForARefund() {
        UUID order = placed(customer());
        // the expiry job lagged: the window closed two minutes ago, past the one-minute margin the hold adds
        jdbc.update("UPDATE orders SET payment_due_by = now() - interval '2 minutes' WHERE id = ?", order);

        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.*")) {
            PAYMENTS.succeeded(order, UUID.randomUUID(), "12.50");

            CapturedMessage cancelled = events.awaitMatching(message -> "OrderCancelled".equals(message.type())
                    && message.bodyText().contains(order.toString()), PATIENCE);
            assertThat(cancelled.bodyText()).contains("\"reason\":\"payment-expired\"");
        }
        assertThat(statusOf(order)).isEqualTo("cancelled");
        assertThat(paymentOf(order)).isNull();
    }

    @Test
    void aPaymentWithinTheReservationMarginAfterTheWindowStillConfirms() {
        UUID order = placed(customer());
        jdbc.update("UPDATE orders SET payment_due_by = now() - interval '10 seconds' WHERE id = ?", order);

        PAYMENTS.succeeded(order, UUID.randomUUID(), "12.50");

        awaitStatus(order, "confirmed");
    }

    private void awaitStatus(UUID order, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> statusOf(order).equals(status));
    }

    private UUID paymentOf(UUID order) {
        List<UUID> ids = jdbc.queryForList("SELECT payment_id FROM orders WHERE id = ?", UUID.class, order);
        return ids.getFirst();
    }
}
