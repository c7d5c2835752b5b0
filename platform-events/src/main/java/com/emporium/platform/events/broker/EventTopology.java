package com.emporium.platform.events.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.EventsProperties;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The broker objects a service declares (RabbitAdmin declares them at every connection, so a broker that lost
 * them gets them back): the events exchange (topic) and the dead-letter exchange (direct), and per subscription
 * a queue and its dead-letter queue.
 *
 * <p>Queues are quorum queues: replicated and durable on a cluster, with a delivery limit (a message that makes
 * the consumer crash again and again is dead-lettered by the broker) and a single active consumer (with several
 * instances of a service, one consumes and the others stand by, so events are handled in the order they were
 * published). A queue's arguments cannot change once it exists; a change means a new queue name or a policy.
 */
public final class EventTopology {

    private EventTopology() {
    }

    public static Declarables declare(EventsProperties properties, List<EventSubscription> subscriptions) {
        TopicExchange events = new TopicExchange(properties.exchange(), true, false);
        DirectExchange deadLetters = new DirectExchange(properties.deadLetterExchange(), true, false);
        List<Declarable> declarables = new ArrayList<>(List.of(events, deadLetters));
        for (EventSubscription subscription : subscriptions) {
            String name = properties.queueOf(subscription);
            Queue queue = QueueBuilder.durable(name).quorum()
                    .withArguments(Map.of(
                            "x-single-active-consumer", true,
                            "x-delivery-limit", properties.consumer().deliveryLimit(),
                            "x-dead-letter-exchange", properties.deadLetterExchange(),
                            "x-dead-letter-routing-key", name))
                    .build();
            Queue deadLetterQueue = QueueBuilder.durable(EventsProperties.deadLetterQueueOf(name)).quorum().build();
            declarables.add(queue);
            declarables.add(deadLetterQueue);
            for (String key : subscription.bindingKeys()) {
                declarables.add(BindingBuilder.bind(queue).to(events).with(key));
            }
            Binding deadLetterBinding = BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name);
            declarables.add(deadLetterBinding);
        }
        return new Declarables(declarables);
    }
}
