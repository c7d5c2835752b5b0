package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.platform.events.sample.RecordedSpans;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One trace from the request that records an event to the consumer's effect: the request's SERVER span, the
 * relay's PRODUCER span as its child, the consumer's CONSUMER span as the producer's child, and the database
 * queries of each as their children, all tagged so an engineer can find them.
 */
class TracePropagationIT extends EventsTestBase {

    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Autowired
    RecordedSpans spans;

    @Autowired
    EventsProperties properties;

    @Autowired
    EventSubscription deposits;

    @Test
    void continuesTheWritersTraceThroughTheRelayToTheConsumer() {
        // given a request that belongs to a trace the caller started
        UUID account = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        // when it records a deposit, which the relay publishes and the consumer applies
        ApiResponse made = ApiClient.unchecked(URI.create(base())).post("/api/sample/deposits")
                .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN + "-01")
                .json(Map.of("accountId", account, "amount", 40)).send();
        assertThat(made.status()).isEqualTo(201);
        UUID eventId = UUID.fromString(made.json().get("eventId").asString());
        await().atMost(PATIENCE).until(() -> effectsOf(eventId) == 1);

        // then the trace holds the request, the publishing and the handling, each the child of the one before
        SpanData consumer = await().atMost(PATIENCE).until(() -> only(traceId, kind(SpanKind.CONSUMER)),
                span -> span != null);
        SpanData server = only(traceId, kind(SpanKind.SERVER));
        SpanData producer = only(traceId, kind(SpanKind.PRODUCER));
        String trace = describe(traceId);
        assertThat(server.getParentSpanId()).as(trace).isEqualTo(CALLER_SPAN);
        assertThat(producer.getName()).isEqualTo("publish DepositMade");
        assertThat(producer.getParentSpanId()).as(trace).isEqualTo(server.getSpanId());
        assertThat(consumer.getName()).isEqualTo("handle DepositMade");
        assertThat(consumer.getParentSpanId()).as(trace).isEqualTo(producer.getSpanId());
        // and both event spans say which event, and which account (the payload's accountId), they carry
        for (SpanData event : List.of(producer, consumer)) {
            assertThat(attribute(event, "event.type")).isEqualTo("DepositMade");
            assertThat(attribute(event, "messaging.message.id")).isEqualTo(eventId.toString());
            assertThat(attribute(event, "account.id")).isEqualTo(account.toString());
            assertThat(attribute(event, "messaging.system")).isEqualTo("rabbitmq");
        }
        assertThat(attribute(consumer, "messaging.destination.name")).isEqualTo(properties.queueOf(deposits));
        // and the queries ran in the spans of their work: the outbox insert in the request's, the effect in
        // the consumer's
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(queriesUnder(traceId, server)).anyMatch(sql -> sql.contains("INSERT INTO event_outbox"));
            assertThat(queriesUnder(traceId, consumer)).anyMatch(sql -> sql.contains("INSERT INTO effects"));
        });
    }

    @Test
    void startsNoTraceForTheQueriesOfBackgroundWork() {
        // given the relay polling the outbox and the consumers idle, then a request
        ApiClient.unchecked(URI.create(base())).post("/api/sample/deposits")
                .json(Map.of("accountId", UUID.randomUUID(), "amount", 1)).send();

        // then every query span exported so far belongs to a trace begun by a request or an event
        await().atMost(PATIENCE).until(() -> !queries(spans.all()).isEmpty());
        assertThat(queries(spans.all())).allSatisfy(query -> assertThat(query.getParentSpanContext().isValid())
                .as("parent of %s", query.getName()).isTrue());
    }

    /** The trace as a list of spans (id, parent, kind, name, attributes), for a failure's message. */
    private String describe(String traceId) {
        StringBuilder text = new StringBuilder("trace ").append(traceId).append(":\n");
        spans.ofTrace(traceId).forEach(span -> text.append(span.getSpanId()).append(" <- ")
                .append(span.getParentSpanId()).append(' ').append(span.getKind()).append(' ')
                .append(span.getName()).append(' ').append(span.getAttributes().asMap()).append('\n'));
        return text.toString();
    }

    private SpanData only(String traceId, Predicate<SpanData> which) {
        List<SpanData> found = spans.ofTrace(traceId).stream().filter(which).toList();
        return found.size() == 1 ? found.getFirst() : null;
    }

    private static Predicate<SpanData> kind(SpanKind kind) {
        return span -> span.getKind() == kind;
    }

    private List<String> queriesUnder(String traceId, SpanData parent) {
        return queries(spans.ofTrace(traceId)).stream()
                .filter(query -> query.getParentSpanId().equals(parent.getSpanId()))
                .map(query -> String.valueOf(attribute(query, "jdbc.query[0]")))
                .toList();
    }

    private static List<SpanData> queries(List<SpanData> all) {
        return all.stream().filter(span -> span.getAttributes().asMap().keySet().stream()
                .anyMatch(key -> key.getKey().startsWith("jdbc."))).toList();
    }

    private static Object attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
