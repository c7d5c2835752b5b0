package com.emporium.test.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the HTTP client: writes request bodies and reads response bodies. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    static <T> T read(String text, Class<T> type) {
        return MAPPER.readValue(text, type);
    }
}
