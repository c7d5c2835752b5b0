package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.events.EventContract;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An order left unpaid past its payment window is cancelled ({@code payment-expired}) and its cancellation is
 * published, which releases its stock. A window of one second needs a context of its own: in the shared one it
 * would cancel the other classes' orders under their feet.
 */
@TestPropertySource(properties = "emporium.orders.payment-window=1s")
class PaymentExpiryIT extends OrderServiceIT {

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void cancelsAnOrderLeftUnpaidPastItsPaymentWindow() {
        Person ada = customer();
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.cancelled")) {
            ApiResponse placed = place(ada, OrderRequests.of(product(), 1)).send();
            UUID order = UUID.fromString(placed.json().get("orderId").asString());
            assertThat(Duration.between(Instant.parse(placed.json().get("placedAt").asString()),
                    Instant.parse(placed.json().get("paymentDueBy").asString()))).isEqualTo(Duration.ofSeconds(1));

            await().atMost(PATIENCE).until(() -> "cancelled".equals(statusOf(order)));

            ApiResponse read = api.get("/api/orders/" + order).bearer(ada.token()).send();
            assertThat(read.json().get("cancellationReason").asString()).isEqualTo("payment-expired");
            assertThat(Instant.parse(read.json().get("cancelledAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(placed.json().get("paymentDueBy").asString()));
            CapturedMessage cancelled = events.awaitMatching(message -> message.bodyText().contains(order.toString()),
                    PATIENCE);
            EventContract.forRepository().validate(cancelled);
            assertThat(cancelled.bodyText()).contains("\"reason\":\"payment-expired\"")
                    .contains("\"previousStatus\":\"pending\"");
        }
    }

    @Test
    void leavesAPaidOrderAlonePastItsWindow() {
        Person ada = customer();
        UUID paid = placed(ada);
        lifecycle.confirm(new OrderId(paid), UUID.randomUUID());
        UUID unpaid = placed(ada);

        await().atMost(PATIENCE).until(() -> "cancelled".equals(statusOf(unpaid)));

        assertThat(statusOf(paid)).isEqualTo("confirmed");
    }
}
