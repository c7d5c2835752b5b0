package com.emporium.payment;

import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.events.EventContract;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading captured payment events, each checked against contracts/events.yaml. */
final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    static boolean is(CapturedMessage message, String type, UUID orderId) {
        return type.equals(message.type()) && orderId.toString().equals(envelope(message).get("aggregateId").asString());
    }

    /** The payload, once the message is validated against the contract. */
    static JsonNode payload(CapturedMessage message) {
        EventContract.forRepository().validate(message);
        return envelope(message).get("payload");
    }

    static JsonNode envelope(CapturedMessage message) {
        return JSON.readTree(message.bodyText());
    }
}
