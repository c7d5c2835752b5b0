package com.emporium.platform.events.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.EventsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

class EventTopologyTest {

    private static EventsProperties properties() {
        return new EventsProperties("emporium.events", "emporium.dead-letters", "inventory-service", "inventory",
                new EventsProperties.Relay(true, 200, Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofMillis(200), Duration.ofSeconds(5)),
                new EventsProperties.Consumer(50, Duration.ofMillis(10), Duration.ofMillis(2), 5, Duration.ofMillis(200), 2.0,
                        Duration.ofSeconds(5), 20, Duration.ofSeconds(5), Duration.ofSeconds(2)),
                new EventsProperties.Retention(Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(1)));
    }

    @Test
    void declaresADurableQuorumQueuePerSubscriptionWithItsDeadLetterQueue() {
        EventSubscription orders = EventSubscription.named("order-events").bind("order.*").build();

        Declarables topology = EventTopology.declare(properties(), List.of(orders));

        assertThat(topology.getDeclarablesByType(TopicExchange.class)).singleElement()
                .satisfies(exchange -> {
                    assertThat(exchange.getName()).isEqualTo("emporium.events");
                    assertThat(exchange.isDurable()).isTrue();
                });
        assertThat(topology.getDeclarablesByType(DirectExchange.class)).extracting(DirectExchange::getName)
                .containsExactly("emporium.dead-letters");
        List<Queue> queues = topology.getDeclarablesByType(Queue.class);
        assertThat(queues).extracting(Queue::getName)
                .containsExactly("inventory-service.order-events", "inventory-service.order-events.dead-letters");
        assertThat(queues).allSatisfy(queue -> {
            assertThat(queue.isDurable()).isTrue();
            assertThat(queue.getArguments()).containsEntry("x-queue-type", "quorum");
        });
        assertThat(queues.getFirst().getArguments())
                .containsEntry("x-single-active-consumer", true)
                .containsEntry("x-delivery-limit", 20)
                .containsEntry("x-dead-letter-exchange", "emporium.dead-letters")
                .containsEntry("x-dead-letter-routing-key", "inventory-service.order-events");
        assertThat(topology.getDeclarablesByType(Binding.class))
                .extracting(Binding::getExchange, Binding::getRoutingKey, Binding::getDestination)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("emporium.events", "order.*",
                                "inventory-service.order-events"),
                        org.assertj.core.groups.Tuple.tuple("emporium.dead-letters", "inventory-service.order-events",
                                "inventory-service.order-events.dead-letters"));
    }
}
