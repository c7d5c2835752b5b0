package com.emporium.platform.events.broker;

import java.time.Duration;
import java.util.List;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes messages on one channel and returns only once the broker has confirmed every one of them, or throws:
 * a message counts as sent only when the broker has taken responsibility for it. It sends the headers it is
 * given and adds no trace context of its own (the relay forwards the writer's).
 */
public final class ConfirmedPublisher {

    /** One message and where it goes. */
    public record Outgoing(String exchange, String routingKey, Message message) {
    }

    private final RabbitTemplate template;
    private final Duration confirmTimeout;

    public ConfirmedPublisher(ConnectionFactory connectionFactory, Duration confirmTimeout) {
        this.template = new RabbitTemplate(connectionFactory);
        this.template.setObservationEnabled(false);
        // not the consumers' connection: a broker under a memory or disk alarm blocks the connections that
        // publish, and on a shared one the consumers could no longer acknowledge and drain their queues either
        this.template.setUsePublisherConnection(true);
        this.confirmTimeout = confirmTimeout;
    }

    /**
     * @throws org.springframework.amqp.AmqpException when the broker cannot be reached, refuses a message (nack),
     *         or does not confirm them all within the confirm timeout; some may have been delivered even so
     */
    public void publish(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        template.invoke(operations -> {
            for (Outgoing outgoing : messages) {
                operations.send(outgoing.exchange(), outgoing.routingKey(), outgoing.message());
            }
            operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
            return null;
        });
    }

    public void publish(Outgoing message) {
        publish(List.of(message));
    }
}
