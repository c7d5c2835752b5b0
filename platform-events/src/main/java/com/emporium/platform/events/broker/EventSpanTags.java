package com.emporium.platform.events.broker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The tags of an event's spans, which make its trace findable: the event's type, id and aggregate, the queue
 * or exchange, and each id the payload names at its top level ({@code orderId} becomes {@code order.id},
 * {@code paymentId} {@code payment.id}), so a search for {@code order.id=…} finds every event of an order.
 */
public final class EventSpanTags {

    private static final String ID_SUFFIX = "Id";

    private EventSpanTags() {
    }

    public static Map<String, String> of(String type, UUID id, String aggregateId, String destination,
            @Nullable JsonNode payload) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("event.type", type);
        tags.put("messaging.message.id", id.toString());
        tags.put("messaging.destination.name", destination);
        tags.put("event.aggregate_id", aggregateId);
        if (payload != null && payload.isObject()) {
            for (Map.Entry<String, JsonNode> field : payload.properties()) {
                String name = field.getKey();
                if (name.length() > ID_SUFFIX.length() && name.endsWith(ID_SUFFIX) && field.getValue().isString()) {
                    tags.put(tagOf(name), field.getValue().asString());
                }
            }
        }
        return tags;
    }

    /** {@code orderId} → {@code order.id}; {@code chargeId} → {@code charge.id}. */
    static String tagOf(String field) {
        String stem = field.substring(0, field.length() - ID_SUFFIX.length());
        StringBuilder tag = new StringBuilder();
        for (char c : stem.toCharArray()) {
            if (Character.isUpperCase(c)) {
                tag.append('_').append(Character.toLowerCase(c));
            } else {
                tag.append(c);
            }
        }
        return tag.append(".id").toString().toLowerCase(Locale.ROOT);
    }
}
