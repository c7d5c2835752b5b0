package com.emporium.platform.events.support;

import java.util.ArrayList;
import java.util.List;

import com.emporium.platform.events.EventsProperties;
import com.emporium.platform.events.consumer.SubscriptionListener;
import com.emporium.platform.events.deadletter.DeadLetterDrain;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * The listener containers of a service's subscriptions (one consumer each, manual acknowledgement after commit,
 * batches) and the one that drains its dead-letter queues, started and stopped with the application.
 */
public final class SubscriptionContainers implements SmartLifecycle {

    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    private volatile boolean running;

    public SubscriptionContainers(ConnectionFactory connectionFactory, List<SubscriptionListener> listeners,
            DeadLetterDrain drain, EventsProperties properties) {
        EventsProperties.Consumer settings = properties.consumer();
        List<String> deadLetterQueues = new ArrayList<>();
        for (SubscriptionListener listener : listeners) {
            SimpleMessageListenerContainer container = container(connectionFactory, settings, listener.queue());
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(settings.batchSize());
            container.setReceiveTimeout(settings.receiveTimeout().toMillis());
            container.setBatchReceiveTimeout(Math.max(1, settings.batchWait().toMillis()));
            container.setPrefetchCount(Math.max(250, 2 * settings.batchSize()));
            container.setMessageListener(listener);
            containers.add(container);
            deadLetterQueues.add(EventsProperties.deadLetterQueueOf(listener.queue()));
        }
        if (!deadLetterQueues.isEmpty()) {
            SimpleMessageListenerContainer container = container(connectionFactory, settings,
                    deadLetterQueues.toArray(String[]::new));
            container.setAcknowledgeMode(AcknowledgeMode.AUTO);
            container.setDefaultRequeueRejected(true);
            container.setMessageListener(drain);
            containers.add(container);
        }
    }

    private static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory,
            EventsProperties.Consumer settings, String... queues) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queues);
        container.setConcurrentConsumers(1);
        container.setRecoveryInterval(settings.recoveryInterval().toMillis());
        container.setObservationEnabled(false);
        container.afterPropertiesSet();
        return container;
    }

    @Override
    public void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public List<SimpleMessageListenerContainer> containers() {
        return List.copyOf(containers);
    }
}
