package com.emporium.test.amqp;

import com.rabbitmq.client.LongString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns AMQP field values into the plain Java a test compares with: the client hands text over as
 * {@link LongString} (and a header set from bytes as {@code byte[]}), which equals no {@code String}.
 */
final class AmqpValues {

    private AmqpValues() {
    }

    /** A table (the headers, or one nested in them) with every value plain; entries with no value are left out. */
    static Map<String, Object> plainTable(@Nullable Map<String, ? extends @Nullable Object> table) {
        if (table == null) {
            return Map.of();
        }
        Map<String, Object> plain = new HashMap<>();
        table.forEach((name, value) -> {
            Object converted = plain(value);
            if (converted != null) {
                plain.put(name, converted);
            }
        });
        return Map.copyOf(plain);
    }

    static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case LongString text -> new String(text.getBytes(), StandardCharsets.UTF_8);
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case Date date -> date.toInstant();
            case Map<?, ?> table -> plainTable(keyedByText(table));
            case List<?> array -> plainList(array);
            case Object[] array -> plainList(Arrays.asList(array));
            default -> value;
        };
    }

    private static List<Object> plainList(List<? extends @Nullable Object> array) {
        List<Object> plain = new ArrayList<>();
        for (Object element : array) {
            Object converted = plain(element);
            if (converted != null) {
                plain.add(converted);
            }
        }
        return List.copyOf(plain);
    }

    private static Map<String, @Nullable Object> keyedByText(Map<?, ?> table) {
        Map<String, @Nullable Object> keyed = new HashMap<>();
        table.forEach((name, value) -> keyed.put(String.valueOf(name), value));
        return keyed;
    }
}
