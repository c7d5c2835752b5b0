package com.emporium.gateway.edge;

import com.emporium.gateway.GatewayProperties;
import com.emporium.gateway.problem.ProblemResponses;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The gateway's own {@code /metrics} is for the metrics scraper, not for the public the gateway faces: it answers
 * only a connection from an address {@code METRICS_SCRAPERS} matches (loopback by default, where the local
 * Prometheus runs) that did not come through a proxy ({@code X-Forwarded-For} or {@code Forwarded} present).
 * Anyone else gets the 404 problem of a path that does not exist. The services' {@code /metrics} are never routed
 * by the gateway at all.
 */
@Component
public class MetricsScrapers implements WebFilter, Ordered {

    /**
     * The endpoint as the actuator's mapping matches it: on decoded segments, so {@code /%6Detrics} is
     * {@code /metrics} here too. Comparing the raw string would let an encoded path past this filter and on to the
     * endpoint.
     */
    private static final PathPattern METRICS = PathPatternParser.defaultInstance.parse("/metrics");
    private static final PathPattern METRICS_SLASH = PathPatternParser.defaultInstance.parse("/metrics/");

    private final Pattern scrapers;
    private final ProblemResponses problems;

    public MetricsScrapers(GatewayProperties properties, ProblemResponses problems) {
        this.scrapers = Pattern.compile(properties.metricsScrapers().strip());
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // before the security headers (-101) and Spring Security's chain (-100): nothing else needs to run
        return -102;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication();
        boolean metrics = METRICS.matches(path) || METRICS_SLASH.matches(path);
        if (!metrics || mayScrape(request)) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, HttpStatus.NOT_FOUND, "no route for " + path.value());
    }

    boolean mayScrape(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        if (headers.containsHeader("X-Forwarded-For") || headers.containsHeader("Forwarded")) {
            return false;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return false;
        }
        return scrapers.matcher(remote.getAddress().getHostAddress()).matches();
    }
}
