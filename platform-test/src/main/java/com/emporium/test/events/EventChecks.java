package com.emporium.test.events;

import com.emporium.test.amqp.CapturedMessage;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Everything one captured message does differently from what the document says, as readable lines. */
final class EventChecks {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final AsyncApiDocument document;
    private final CapturedMessage message;
    private final List<String> violations = new ArrayList<>();

    private EventChecks(AsyncApiDocument document, CapturedMessage message) {
        this.document = document;
        this.message = message;
    }

    /** Every violation, in the order of the checks; empty when the message follows the document. */
    static List<String> violations(AsyncApiDocument document, CapturedMessage message) {
        EventChecks checks = new EventChecks(document, message);
        checks.run();
        return List.copyOf(checks.violations);
    }

    private void run() {
        Optional<DocumentedChannel> channel = document.channel(message.routingKey());
        if (channel.isEmpty()) {
            violations.add("the routing key '" + message.routingKey() + "' is the address of no channel; the"
                    + " documented ones are " + document.addresses());
        }
        channel.ifPresent(this::checkExchange);
        Optional<DocumentedMessage> documented = documentedMessage(channel);
        documented.ifPresent(this::checkProperties);
        documented.ifPresent(this::checkHeaders);
        String messageId = message.messageId();
        if (messageId == null || messageId.isBlank()) {
            violations.add("no message id: the AMQP message-id property must carry the event's id");
        }
        Optional<JsonNode> body = body();
        body.ifPresent(this::checkIdMatches);
        body.ifPresent(json -> documented.ifPresent(schemas -> checkBody(schemas, json)));
    }

    private void checkExchange(DocumentedChannel channel) {
        if (!channel.exchange().equals(message.exchange())) {
            violations.add("published to the exchange '" + message.exchange() + "', but channel '" + channel.id()
                    + "' is on the exchange '" + channel.exchange() + "'");
        }
    }

    /**
     * The message the type names: the channel's own, or else (after reporting it) any of the document, so the
     * body is still checked against the schema its type promises.
     */
    private Optional<DocumentedMessage> documentedMessage(Optional<DocumentedChannel> channel) {
        String type = message.type();
        if (type == null || type.isBlank()) {
            violations.add("no AMQP type property: it must name the event, one of "
                    + channel.map(DocumentedChannel::messageNames).map(Object::toString)
                            .orElseGet(() -> document.messageNames().toString()));
            return Optional.empty();
        }
        Optional<DocumentedMessage> own = channel.flatMap(documented -> documented.message(type));
        if (channel.isPresent() && own.isEmpty()) {
            violations.add("the type '" + type + "' is not a message of channel '" + channel.get().id()
                    + "', which carries " + channel.get().messageNames());
        }
        if (own.isPresent()) {
            return own;
        }
        Optional<DocumentedMessage> any = document.message(type);
        if (any.isEmpty() && channel.isEmpty()) {
            violations.add("the type '" + type + "' is no documented message; the documented ones are "
                    + document.messageNames());
        }
        return any;
    }

    private void checkProperties(DocumentedMessage documented) {
        String contentType = message.contentType();
        if (contentType == null || !mediaType(contentType).equals(mediaType(documented.contentType()))) {
            violations.add("the content type is '" + contentType + "', but " + documented.name() + " is documented"
                    + " as '" + documented.contentType() + "'");
        }
        if (!Objects.equals(message.deliveryMode(), documented.deliveryMode())) {
            violations.add("the delivery mode is " + message.deliveryMode() + ", but " + documented.name()
                    + " is documented with " + documented.deliveryMode()
                    + (documented.deliveryMode() == 2 ? " (persistent)" : ""));
        }
    }

    private void checkHeaders(DocumentedMessage documented) {
        Schema headers = documented.headers();
        if (headers != null) {
            headers.validate(JsonValues.tree(message.headers()))
                    .forEach(error -> violations.add(describe("headers", error)));
        }
    }

    private Optional<JsonNode> body() {
        try {
            JsonNode body = JSON.readTree(message.body());
            if (body == null || body.isMissingNode()) {
                violations.add("the body is empty, not JSON");
                return Optional.empty();
            }
            return Optional.of(body);
        } catch (JacksonException ex) {
            violations.add("the body is not JSON: " + ex.getOriginalMessage());
            return Optional.empty();
        } catch (IOException ex) {
            violations.add("the body cannot be read: " + ex.getMessage());
            return Optional.empty();
        }
    }

    /** A consumer deduplicates by the message id, so it must be the event's own id. */
    private void checkIdMatches(JsonNode body) {
        JsonNode id = body.path("id");
        String messageId = message.messageId();
        if (messageId != null && id.isValueNode() && !id.asText().equals(messageId)) {
            violations.add("the message id '" + messageId + "' differs from the body's id '" + id.asText() + "'");
        }
    }

    private void checkBody(DocumentedMessage documented, JsonNode body) {
        documented.payload().validate(body).forEach(error -> violations.add(describe("body", error)));
    }

    private static String describe(String part, Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return part + (at.isEmpty() ? "" : " " + at) + ": " + error.getMessage();
    }

    /** The type and subtype: a charset or other parameter does not change what the body is. */
    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
