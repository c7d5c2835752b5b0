package com.emporium.test.events;

import static com.emporium.test.events.SampleEvents.widgetCreated;
import static com.emporium.test.events.SampleEvents.widgetRenamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.emporium.test.amqp.CapturedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventContractTest {

    private final EventContract contract = EventContract.load(SampleEvents.document());

    @Test
    void passesAConformingEventAndRecordsItsType() {
        CapturedMessage created = widgetCreated().captured();

        contract.validate(created);

        assertThat(contract.seenMessageNames()).containsExactly("WidgetCreated");
    }

    @Test
    void documentsEachChannelsAddressAsARoutingKey() {
        assertThat(contract.documentedRoutingKeys()).containsExactly("widget.created", "widget.renamed");
        assertThat(contract.documentedMessageNames()).containsExactly("WidgetCreated", "WidgetRenamed");
    }

    @Test
    void acceptsEitherKindOfActorThatTheOneOfAllows() {
        assertThatNoException().isThrownBy(() -> contract.validate(widgetRenamed().captured()));
        assertThatNoException().isThrownBy(() -> contract.validate(
                widgetRenamed().payloadField("renamedBy", Map.of("kind", "system")).captured()));

        assertViolation(widgetRenamed().payloadField("renamedBy", Map.of("kind", "robot")).captured())
                .withMessageContaining("body /payload/renamedBy:");
    }

    @Test
    void reportsARoutingKeyThatNoChannelHas() {
        assertViolation(widgetCreated().routingKey("widget.exploded").captured())
                .withMessageContaining("the routing key 'widget.exploded' is the address of no channel")
                .withMessageContaining("[widget.created, widget.renamed]");
    }

    @Test
    void reportsAnExchangeOtherThanTheChannels() {
        assertViolation(widgetCreated().exchange("amq.topic").captured())
                .withMessageContaining("published to the exchange 'amq.topic', but channel 'widgetCreated' is on the"
                        + " exchange 'emporium.widgets'");
    }

    @Test
    void reportsATypeThatTheChannelDoesNotCarry() {
        assertViolation(widgetCreated().type("WidgetRenamed").captured())
                .withMessageContaining("the type 'WidgetRenamed' is not a message of channel 'widgetCreated', which"
                        + " carries [WidgetCreated]");
    }

    @Test
    void reportsAnEventWithoutAType() {
        assertViolation(widgetCreated().type(null).captured())
                .withMessageContaining("no AMQP type property: it must name the event, one of [WidgetCreated]");
    }

    @Test
    void reportsAMissingRequiredPayloadField() {
        assertViolation(widgetCreated().withoutPayloadField("size").captured())
                .withMessageContaining("body /payload: required property 'size' not found");
    }

    @Test
    void reportsAFieldOfTheWrongType() {
        assertViolation(widgetCreated().payloadField("name", 42).captured())
                .withMessageContaining("body /payload/name: integer found, string expected");
    }

    @Test
    void reportsAnUndocumentedFieldWhereTheSchemaIsClosed() {
        assertViolation(widgetCreated().payloadField("colour", "red").captured())
                .withMessageContaining("body /payload:")
                .withMessageContaining("colour");
    }

    @Test
    void checksTheEnvelopeSharedThroughAllOf() {
        CapturedMessage broken = widgetCreated()
                .messageId("widget-42-created")
                .field("id", "widget-42-created")
                .field("occurredAt", "yesterday")
                .field("version", 2)
                .field("type", "WidgetRenamed")
                .captured();

        assertViolation(broken)
                .withMessageContaining("body /id: does not match the uuid pattern")
                .withMessageContaining("body /occurredAt:")
                .withMessageContaining("date-time")
                .withMessageContaining("body /version: must be the constant value '1'")
                .withMessageContaining("body /type: must be the constant value 'WidgetCreated'");
    }

    @Test
    void reportsAHeaderThatBreaksItsSchema() {
        assertViolation(widgetCreated().header("traceparent", "not-a-trace").header("event-version", "one").captured())
                .withMessageContaining("headers /traceparent: does not match the regex pattern")
                .withMessageContaining("headers /event-version: string found, integer expected");
    }

    @Test
    void reportsAMissingRequiredHeader() {
        assertViolation(widgetCreated().withoutHeader("traceparent").captured())
                .withMessageContaining("headers: required property 'traceparent' not found");
    }

    @Test
    void reportsAMessageIdOtherThanTheBodysId() {
        assertViolation(widgetCreated().messageId("9d2f0a63-1c4b-4e8d-a7f5-2b6c8e0d1f34").captured())
                .withMessageContaining("the message id '9d2f0a63-1c4b-4e8d-a7f5-2b6c8e0d1f34' differs from the body's"
                        + " id '" + SampleEvents.EVENT_ID + "'");
    }

    @Test
    void reportsAMissingMessageId() {
        assertViolation(widgetCreated().messageId(null).captured())
                .withMessageContaining("no message id");
    }

    @Test
    void reportsAContentTypeOtherThanDocumentedButAllowsACharset() {
        assertViolation(widgetCreated().contentType("text/plain").captured())
                .withMessageContaining("the content type is 'text/plain', but WidgetCreated is documented as"
                        + " 'application/json'");
        assertThatNoException().isThrownBy(() ->
                contract.validate(widgetCreated().contentType("application/json; charset=UTF-8").captured()));
    }

    @Test
    void reportsADeliveryModeOtherThanDocumented() {
        assertViolation(widgetCreated().deliveryMode(1).captured())
                .withMessageContaining("the delivery mode is 1, but WidgetCreated is documented with 2 (persistent)");
    }

    @Test
    void reportsABodyThatIsNotJson() {
        assertViolation(widgetCreated().rawBody("{\"id\": ").captured())
                .withMessageContaining("the body is not JSON");
        assertViolation(widgetCreated().rawBody("{} trailing").captured())
                .withMessageContaining("the body is not JSON");
    }

    @Test
    void reportsEveryViolationAtOnceNamingTheEvent() {
        CapturedMessage broken = widgetCreated()
                .routingKey("widget.exploded")
                .messageId("9d2f0a63-1c4b-4e8d-a7f5-2b6c8e0d1f34")
                .withoutHeader("traceparent")
                .withoutPayloadField("name")
                .captured();

        assertViolation(broken)
                .withMessageStartingWith("The event with routing key 'widget.exploded', type 'WidgetCreated' and"
                        + " message id '9d2f0a63-1c4b-4e8d-a7f5-2b6c8e0d1f34' breaks sample-events.yaml:")
                .withMessageContaining("- the routing key 'widget.exploded' is the address of no channel")
                .withMessageContaining("- headers: required property 'traceparent' not found")
                .withMessageContaining("- the message id '9d2f0a63-1c4b-4e8d-a7f5-2b6c8e0d1f34' differs")
                .withMessageContaining("- body /payload: required property 'name' not found");
    }

    @Test
    void namesTheDocumentedMessagesNeverSeenUntilAllWere() {
        contract.validate(widgetCreated().captured());
        assertViolation(widgetRenamed().payloadField("newName", 7).captured());

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(contract::assertEveryMessageSeen)
                .withMessageStartingWith("1 of the 2 messages documented in sample-events.yaml were never validated")
                .withMessageContaining("\n  - WidgetRenamed")
                .withMessageNotContaining("WidgetCreated");

        contract.validate(widgetRenamed().captured());

        assertThatNoException().isThrownBy(contract::assertEveryMessageSeen);
    }

    @Test
    void checksTheMessagesOfOnePublishersRoutingKeysOnly() {
        contract.validate(widgetCreated().captured());

        assertThatNoException().isThrownBy(() -> contract.assertEveryMessageSeen("widget.created"));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> contract.assertEveryMessageSeen("widget."))
                .withMessageStartingWith("1 of the 2 messages documented in sample-events.yaml on routing keys"
                        + " 'widget.*' were never validated")
                .withMessageContaining("\n  - WidgetRenamed");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> contract.assertEveryMessageSeen("gadget."))
                .withMessageContaining("No channel of sample-events.yaml has a routing key starting with 'gadget.'");
    }

    @Test
    void takesADocumentWithNoChannelsYetAsOneThatExpectsNoEvent(@TempDir Path folder) throws IOException {
        Path empty = Files.writeString(folder.resolve("events.yaml"), """
                asyncapi: 3.0.0
                info: {title: Events, version: 1.0.0}
                channels: {}
                """);

        EventContract nothingYet = EventContract.load(empty);

        assertThat(nothingYet.documentedRoutingKeys()).isEmpty();
        assertThatNoException().isThrownBy(nothingYet::assertEveryMessageSeen);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> nothingYet.validate(widgetCreated().captured()))
                .withMessageContaining("the routing key 'widget.created' is the address of no channel");
    }

    @Test
    void refusesADocumentWhoseSchemaRefersToNothing(@TempDir Path folder) throws IOException {
        Path broken = copyOfSample(folder, "$ref: '#/components/schemas/Actor'", "$ref: '#/components/schemas/Actr'");

        assertThatIllegalStateException()
                .isThrownBy(() -> EventContract.load(broken))
                .withMessageContaining("/components/messages/WidgetRenamed/payload does not compile");
    }

    @Test
    void refusesAChannelWhoseAddressIsAPattern(@TempDir Path folder) throws IOException {
        Path broken = copyOfSample(folder, "address: widget.renamed", "address: widget.*");

        assertThatIllegalStateException()
                .isThrownBy(() -> EventContract.load(broken))
                .withMessageContaining("channel 'widgetRenamed' has the address 'widget.*'");
    }

    @Test
    void refusesAnExchangeDeclaredOtherwiseThanTheServicesDo(@TempDir Path folder) throws IOException {
        Path broken = copyOfSample(folder, "autoDelete: false", "autoDelete: true");

        assertThatIllegalStateException()
                .isThrownBy(() -> EventContract.load(broken))
                .withMessageContaining("channel 'widgetCreated': bindings.amqp.exchange must say type: topic,"
                        + " durable: true, autoDelete: false");
    }

    private ThrowableAssertAlternative<AssertionError> assertViolation(CapturedMessage message) {
        return assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> contract.validate(message));
    }

    private static Path copyOfSample(Path folder, String original, String replacement) throws IOException {
        String text = Files.readString(SampleEvents.document());
        assertThat(text).contains(original);
        return Files.writeString(folder.resolve("events.yaml"), text.replaceFirst(Pattern.quote(original),
                Matcher.quoteReplacement(replacement)));
    }
}
