package com.emporium.test.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventCaptureIT {

    private static final String EXCHANGE = "emporium.widgets";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final TestBroker broker = TestBroker.shared("platform-test");
    private final Connection publisher;
    private final Channel channel;

    EventCaptureIT() throws IOException, TimeoutException {
        publisher = broker.connectionFactory().newConnection("event-capture-it");
        channel = publisher.createChannel();
    }

    @AfterEach
    void closePublisher() throws IOException {
        publisher.close();
    }

    @Test
    void capturesAnEventWithItsPropertiesAndItsHeadersAsPlainJava() throws IOException {
        Instant sentAt = Instant.parse("2026-11-24T10:15:30Z");
        String id = UUID.randomUUID().toString();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(id)
                .type("WidgetCreated")
                .contentType("application/json")
                .deliveryMode(2)
                .appId("widget-service")
                .timestamp(Date.from(sentAt))
                .headers(Map.of(
                        "traceparent", TRACEPARENT,
                        "event-version", 3L,
                        "retry", Map.of("attempt", 2, "reasons", List.of("timeout", "reset"),
                                "firstAt", Date.from(sentAt)),
                        "raw", "bytes".getBytes(StandardCharsets.UTF_8)))
                .build();

        try (EventCapture capture = EventCapture.bind(broker, EXCHANGE)) {
            channel.basicPublish(EXCHANGE, "widget.created", properties, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

            CapturedMessage captured = capture.awaitCount(1, WAIT).getFirst();

            assertThat(captured.exchange()).isEqualTo(EXCHANGE);
            assertThat(captured.routingKey()).isEqualTo("widget.created");
            assertThat(captured.messageId()).isEqualTo(id);
            assertThat(captured.type()).isEqualTo("WidgetCreated");
            assertThat(captured.contentType()).isEqualTo("application/json");
            assertThat(captured.deliveryMode()).isEqualTo(2);
            assertThat(captured.appId()).isEqualTo("widget-service");
            assertThat(captured.timestamp()).isEqualTo(sentAt);
            assertThat(captured.headers()).isEqualTo(Map.of(
                    "traceparent", TRACEPARENT,
                    "event-version", 3L,
                    "retry", Map.of("attempt", 2, "reasons", List.of("timeout", "reset"), "firstAt", sentAt),
                    "raw", "bytes"));
            assertThat(captured.bodyText()).isEqualTo("{\"id\":1}");
        }
    }

    @Test
    void leavesOutWhatItsBindingKeysDoNotMatch() throws IOException {
        try (EventCapture capture = EventCapture.bind(broker, EXCHANGE, "widget.created", "gadget.*")) {
            publish("widget.renamed");
            publish("gadget.made.twice");
            publish("widget.created");

            capture.awaitMatching(message -> message.routingKey().equals("widget.created"), WAIT);

            // one publisher channel keeps its order to a queue: anything routed before would be here by now
            assertThat(capture.all()).extracting(CapturedMessage::routingKey).containsExactly("widget.created");
        }
    }

    @Test
    void capturesEveryRoutingKeyWhenGivenNoBindingKey() throws IOException {
        try (EventCapture capture = EventCapture.bind(broker, EXCHANGE)) {
            publish("widget.created");
            publish("gadget.made.twice");

            List<CapturedMessage> captured = capture.awaitCount(2, WAIT);

            assertThat(captured).extracting(CapturedMessage::routingKey)
                    .containsExactly("widget.created", "gadget.made.twice");
        }
    }

    @Test
    void saysHowManyArrivedWhenFewerThanAwaited() throws IOException {
        try (EventCapture capture = EventCapture.bind(broker, EXCHANGE, "widget.*")) {
            publish("widget.created");
            capture.awaitCount(1, WAIT);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> capture.awaitCount(2, Duration.ofMillis(300)))
                    .withMessageContaining("waited 300 ms for at least 2 message(s) on exchange " + EXCHANGE)
                    .withMessageContaining("1 message(s) arrived")
                    .withMessageContaining("routingKey=widget.created");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> capture.awaitMatching(message -> "WidgetRenamed".equals(message.type()),
                            Duration.ofMillis(300)))
                    .withMessageContaining("for a matching message")
                    .withMessageContaining("1 message(s) arrived");
        }
    }

    @Test
    void failsAtOnceWhenItsConnectionIsGone() throws IOException {
        TestBroker doomed = TestBroker.shared("doomed-capture");
        try (EventCapture capture = EventCapture.bind(doomed, EXCHANGE)) {
            doomed.drop();

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> capture.awaitCount(1, Duration.ofMinutes(1)))
                    .withMessageContaining("connection was lost");
        }
    }

    private void publish(String routingKey) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(UUID.randomUUID().toString())
                .type("Sample")
                .build();
        channel.basicPublish(EXCHANGE, routingKey, properties, "{}".getBytes(StandardCharsets.UTF_8));
    }
}
