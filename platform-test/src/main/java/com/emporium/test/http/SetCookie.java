package com.emporium.test.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header, parsed (RFC 6265): the cookie's name and value as sent, and its attributes.
 *
 * @param name the cookie's name
 * @param value the cookie's value as sent (quotes included, if any)
 * @param attributes the attributes by lower-case name; a flag such as {@code HttpOnly} has an empty value
 */
public record SetCookie(String name, String value, Map<String, String> attributes) {

    public SetCookie {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Parses one {@code Set-Cookie} header value. */
    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String pair = parts[0].trim();
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("Not a Set-Cookie value: " + header);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int sign = part.indexOf('=');
            String key = (sign < 0 ? part : part.substring(0, sign)).trim().toLowerCase(Locale.ROOT);
            attributes.put(key, sign < 0 ? "" : part.substring(sign + 1).trim());
        }
        return new SetCookie(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim(), attributes);
    }

    /** An attribute's value by its name, in any case; a present flag gives an empty string. */
    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> path() {
        return attribute("Path");
    }

    public Optional<String> domain() {
        return attribute("Domain");
    }

    /** {@code Max-Age}; empty when absent or not a number. */
    public Optional<Duration> maxAge() {
        return attribute("Max-Age").flatMap(SetCookie::seconds);
    }

    /** {@code Expires} as sent (an HTTP date). */
    public Optional<String> expires() {
        return attribute("Expires");
    }

    public Optional<String> sameSite() {
        return attribute("SameSite");
    }

    public boolean httpOnly() {
        return attributes.containsKey("httponly");
    }

    public boolean secure() {
        return attributes.containsKey("secure");
    }

    /** Whether the header tells the browser to drop the cookie: {@code Max-Age} zero or less. */
    public boolean clears() {
        return maxAge().map(age -> age.isZero() || age.isNegative()).orElse(false);
    }

    private static Optional<Duration> seconds(String text) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
