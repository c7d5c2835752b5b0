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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of an order's life as they reach the broker, each checked against contracts/events.yaml, with the
 * payloads SPEC.md gives them.
 */
class OrderEventsIT extends OrderServiceIT {

    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OrderLifecycle lifecycle;

    @AfterAll
    static void everyOrderEventWasPublishedAndChecked() {
        assertThat(PUBLISHED).containsExactlyInAnyOrder("OrderPlaced", "OrderConfirmed", "OrderCancelled",
                "OrderShipped", "OrderDelivered");
    }

    @Test
    void publishesPlacedConfirmedShippedAndDeliveredInOrderAsDocumented() {
        Person ada = customer();
        UUID tea = INVENTORY.product("Earl Grey", "4.25", 50);
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.*")) {
            ApiResponse placed = place(ada, OrderRequests.of(tea, 2)).send();
            UUID order = UUID.fromString(placed.json().get("orderId").asString());
            lifecycle.confirm(new OrderId(order), UUID.randomUUID());
            String boss = admin().token();
            api.put("/api/orders/admin/orders/" + order + "/ship").bearer(boss).send();
            api.put("/api/orders/admin/orders/" + order + "/deliver").bearer(boss).send();

            // an order's events arrive in the order they were written: once the last is here, all are
            events.awaitMatching(message -> "OrderDelivered".equals(message.type()) && isAbout(message, order),
                    PATIENCE);
            List<CapturedMessage> messages = events.all().stream().filter(message -> isAbout(message, order))
                    .toList();

            assertThat(messages).extracting(CapturedMessage::type)
                    .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered");
            assertThat(messages).extracting(CapturedMessage::routingKey)
                    .containsExactly("order.placed", "order.confirmed", "order.shipped", "order.delivered");
            messages.forEach(this::validate);
            JsonNode placedEvent = envelope(messages.get(0)).get("payload");
            assertThat(placedEvent.get("orderId").asString()).isEqualTo(order.toString());
            assertThat(placedEvent.get("customerId").asString()).isEqualTo(ada.id().toString());
            assertThat(placedEvent.get("lines").get(0).get("sku").asString()).isEqualTo(INVENTORY.sku(tea));
            assertThat(placedEvent.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("4.25");
            assertThat(placedEvent.get("totalAmount").decimalValue()).isEqualByComparingTo("8.50");
            assertThat(placedEvent.get("paymentDueBy").asString()).isEqualTo(placed.json().get("paymentDueBy").asString());
            JsonNode confirmed = envelope(messages.get(1)).get("payload");
            assertThat(confirmed.get("totalAmount").decimalValue()).isEqualByComparingTo("8.50");
            assertThat(confirmed.get("currency").asString()).isEqualTo("USD");
        }
    }

    @Test
    void publishesACancellationWithItsReasonAndThePreviousStatus() {
        Person ada = customer();
        UUID pending = placed(ada);
        UUID confirmed = placed(ada);
        lifecycle.confirm(new OrderId(confirmed), UUID.randomUUID());
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.cancelled")) {
            api.put("/api/orders/" + pending + "/cancel").bearer(ada.token()).send();
            api.put("/api/orders/" + confirmed + "/cancel").bearer(admin().token()).send();

            await().atMost(PATIENCE).until(() -> events.all().stream()
                    .filter(message -> isAbout(message, pending) || isAbout(message, confirmed)).count() == 2);
            List<CapturedMessage> messages = events.all();

            messages.forEach(this::validate);
            JsonNode first = payloadFor(messages, pending);
            JsonNode second = payloadFor(messages, confirmed);
            assertThat(first.get("reason").asString()).isEqualTo("customer");
            assertThat(first.get("previousStatus").asString()).isEqualTo("pending");
            assertThat(first.get("customerId").asString()).isEqualTo(ada.id().toString());
            assertThat(second.get("reason").asString()).isEqualTo("admin");
            assertThat(second.get("previousStatus").asString()).isEqualTo("confirmed");
        }
    }

    private void validate(CapturedMessage message) {
        EventContract.forRepository().validate(message);
        assertThat(message.appId()).isEqualTo("order-service");
        PUBLISHED.add(message.type());
    }

    private static JsonNode payloadFor(List<CapturedMessage> messages, UUID order) {
        return messages.stream().filter(message -> isAbout(message, order)).map(OrderEventsIT::envelope)
                .findFirst().orElseThrow().get("payload");
    }

    private static boolean isAbout(CapturedMessage message, UUID order) {
        return order.toString().equals(envelope(message).get("aggregateId").asString());
    }

    private static JsonNode envelope(CapturedMessage message) {
        return JSON.readTree(message.bodyText());
    }
}
