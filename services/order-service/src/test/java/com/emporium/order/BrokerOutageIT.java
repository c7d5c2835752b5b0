package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

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
                assertThat(events.all()).isEmpty();
            } finally {
                BROKER_LINK.restore();
            }

            List<CapturedMessage> arrived = events.awaitCount(CANCELLATIONS, PATIENCE);

            assertThat(arrived).extracting(CapturedMessage::type).containsOnly("OrderCancelled");
            assertThat(arrived).extracting(BrokerOutageIT::aggregateOf)
                    .containsExactlyInAnyOrderElementsOf(orders.stream().map(UUID::toString).toList());
            arrived.forEach(EventContract.forRepository()::validate);
            assertThat(unsentCancellations(orders)).isZero();
        }
    }

    private long unsentCancellations(List<UUID> orders) {
        return orders.stream().mapToLong(order -> count("""
                SELECT count(*) FROM event_outbox
                WHERE aggregate_id = ? AND event_type = 'OrderCancelled' AND sent_at IS NULL""", order.toString()))
                .sum();
    }

    private static String aggregateOf(CapturedMessage message) {
        return JSON.readTree(message.bodyText()).get("aggregateId").asString();
    }
}
