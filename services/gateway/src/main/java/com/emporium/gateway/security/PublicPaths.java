package com.emporium.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/** The configured public paths ({@code "METHOD /path"} or {@code "/path"}) as one exchange matcher. */
final class PublicPaths {

    private PublicPaths() {
    }

    static ServerWebExchangeMatcher of(List<String> entries) {
        List<ServerWebExchangeMatcher> matchers = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("\\s+");
            if (parts.length == 1) {
                matchers.add(new PathPatternParserServerWebExchangeMatcher(parts[0]));
            } else if (parts.length == 2) {
                HttpMethod method = HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
                matchers.add(new PathPatternParserServerWebExchangeMatcher(parts[1], method));
            } else {
                throw new IllegalArgumentException("emporium.gateway.public-paths: not \"METHOD /path\": " + entry);
            }
        }
        return new OrServerWebExchangeMatcher(matchers);
    }
}
