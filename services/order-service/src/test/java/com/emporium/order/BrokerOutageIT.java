package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.events.EventContract;
import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker cut off from order-service: cancellations still answer 200, their events wait in the outbox, and
 * every {@code OrderCancelled} arrives once the broker is back, which is what puts the stock back to the unit.
 */
class BrokerOutageIT extends OrderServiceIT {

    private static final int CANCELLATIONS = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void cancelsWhileTheBrokerIsCutAndPublishesEveryCancellationOnceItIsBack() {
        List<Person> customers = new ArrayList<>();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < CANCELLATIONS; i++) {
            Person person = customer();
            customers.add(person);
            orders.add(placed(person));
        }
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "order.cancelled")) {
            BROKER_LINK.cut();
            try {
                for (int i = 0; i < CANCELLATIONS; i++) {
                    ApiResponse cancelled = api.put("/api/orders/" + orders.get(i) + "/cancel")
                            .bearer(customers.get(i).token()).send();
                    assertThat(cancelled.status()).isEqualTo(200);
                }
                assertThat(unsentCancellations(orders)).as("the events wait in the outbox").isEqualTo(CANCELLATIONS);
                assertThat(ours(events, orders)).isEmpty();
            } finally {
                BROKER_LINK.restore();
            }

            await().atMost(PATIENCE).until(() -> ours(events, orders).size() >= CANCELLATIONS);
            List<CapturedMessage> arrived = ours(events, orders);

            assertThat(arrived).extracting(CapturedMessage::type).containsOnly("OrderCancelled");
            assertThat(arrived).extracting(BrokerOutageIT::aggregateOf)
                    .containsExactlyInAnyOrderElementsOf(orders.stream().map(UUID::toString).toList());
            arrived.forEach(EventContract.forRepository()::validate);
            // the relay marks them sent once the broker has confirmed them, just after they arrive
            await().atMost(PATIENCE).until(() -> unsentCancellations(orders) == 0);
        }
    }

    private long unsentCancellations(List<UUID> orders) {
        return orders.stream().mapToLong(order -> count("""
                SELECT count(*) FROM event_outbox
                WHERE aggregate_id = ? AND event_type = 'OrderCancelled' AND sent_at IS NULL""", order.toString()))
                .sum();
    }

    /** What was captured about these orders: another class's context may publish at the same time. */
    private static List<CapturedMessage> ours(EventCapture events, List<UUID> orders) {
        List<String> ids = orders.stream().map(UUID::toString).toList();
        return events.all().stream().filter(message -> ids.contains(aggregateOf(message))).toList();
    }

    private static String aggregateOf(CapturedMessage message) {
        return JSON.readTree(message.bodyText()).get("aggregateId").asString();
    }
}
