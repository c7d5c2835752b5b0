package com.emporium.test.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON a header schema is checked against: a captured message's plain header values as a Jackson 2 tree. A
 * timestamp becomes its ISO-8601 text, which is how a {@code date-time} header would be documented.
 */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static JsonNode tree(Object value) {
        return switch (value) {
            case String text -> NODES.textNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Short number -> NODES.numberNode(number);
            case Byte number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case BigInteger number -> NODES.numberNode(number);
            case Instant instant -> NODES.textNode(instant.toString());
            case Map<?, ?> table -> object(table);
            case List<?> array -> array(array);
            default -> NODES.textNode(value.toString());
        };
    }

    private static ObjectNode object(Map<?, ?> table) {
        ObjectNode object = NODES.objectNode();
        table.forEach((name, value) -> object.set(String.valueOf(name), tree(value)));
        return object;
    }

    private static ArrayNode array(List<?> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(value -> array.add(tree(value)));
        return array;
    }
}
