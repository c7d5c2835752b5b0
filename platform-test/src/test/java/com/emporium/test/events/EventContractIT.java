package com.emporium.test.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.amqp.TestBroker;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message that went through the real broker is checked as it arrives: headers as the client decodes them. */
class EventContractIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestBroker broker = TestBroker.shared("platform-test");
    private final EventContract contract = EventContract.load(SampleEvents.document());

    @Test
    void checksAnEventAsItArrivesFromTheBroker() throws Exception {
        CapturedMessage conforming = SampleEvents.widgetCreated().captured();
        CapturedMessage badHeader = SampleEvents.widgetCreated().header("event-version", "1").captured();

        try (EventCapture capture = EventCapture.bind(broker, SampleEvents.EXCHANGE, "widget.#");
                Connection connection = broker.connectionFactory().newConnection("event-contract-it")) {
            Channel channel = connection.createChannel();
            publish(channel, conforming);
            publish(channel, badHeader);
            List<CapturedMessage> arrived = capture.awaitCount(2, WAIT);

            contract.validate(arrived.get(0));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> contract.validate(arrived.get(1)))
                    .withMessageContaining("headers /event-version: string found, integer expected");
        }
        assertThat(contract.seenMessageNames()).containsExactly("WidgetCreated");
    }

    /** Publishes what a test built, as the services' relay would. */
    private static void publish(Channel channel, CapturedMessage message) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(message.messageId())
                .type(message.type())
                .contentType(message.contentType())
                .deliveryMode(message.deliveryMode())
                .headers(message.headers())
                .build();
        channel.basicPublish(message.exchange(), message.routingKey(), properties, message.body());
    }
}
