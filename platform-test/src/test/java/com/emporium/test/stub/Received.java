package com.emporium.test.stub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the stub server received.
 *
 * @param headers by lower-case name
 */
public record Received(String method, URI uri, Map<String, List<String>> headers, byte[] bodyBytes) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(List::getFirst);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String body() {
        return new String(bodyBytes, StandardCharsets.UTF_8);
    }
}
