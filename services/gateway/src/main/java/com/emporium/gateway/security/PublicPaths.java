package com.emporium.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The configured public paths ({@code "METHOD /path"} or {@code "/path"}, Spring path patterns), matched in one
 * plain loop: this runs twice on every request, and Spring Security's {@code OrServerWebExchangeMatcher} would
 * build a reactive pipeline per pattern each time.
 */
final class PublicPaths {

    private record Entry(@Nullable HttpMethod method, PathPattern pattern) {
    }

    private final List<Entry> entries;

    private PublicPaths(List<Entry> entries) {
        this.entries = entries;
    }

    static PublicPaths of(List<String> definitions) {
        List<Entry> entries = new ArrayList<>();
        for (String definition : definitions) {
            String[] parts = definition.strip().split("\\s+");
            if (parts.length == 1) {
                entries.add(new Entry(null, PathPatternParser.defaultInstance.parse(parts[0])));
            } else if (parts.length == 2) {
                HttpMethod method = HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
                entries.add(new Entry(method, PathPatternParser.defaultInstance.parse(parts[1])));
            } else {
                throw new IllegalArgumentException("emporium.gateway.public-paths: not \"METHOD /path\": " + definition);
            }
        }
        return new PublicPaths(List.copyOf(entries));
    }

    boolean matches(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (Entry entry : entries) {
            if ((entry.method() == null || entry.method().equals(method)) && entry.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }
}
