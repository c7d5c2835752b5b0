package com.emporium.test.stub;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the stub server received.
 *
 * @param from the address the connection came from
 * @param headers by lower-case name
 */
public record Received(InetAddress from, String method, URI uri, Map<String, List<String>> headers,
        byte[] bodyBytes) {

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
