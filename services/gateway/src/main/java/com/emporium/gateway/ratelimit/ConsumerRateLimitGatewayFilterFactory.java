package com.emporium.gateway.ratelimit;

import com.emporium.gateway.edge.ClientAddresses;
import com.emporium.gateway.problem.ProblemResponses;
import com.emporium.platform.problem.ProblemTypes;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ConsumerRateLimit} in a route's filters: a token bucket per consumer and route, holding
 * {@code limit} tokens (the burst) and refilled greedily at {@code limit} per {@code period} (60 per minute is
 * one more call each second, up to 60 saved). A consumer is the access token's subject, else the client
 * address. A call finding the bucket empty answers 429 problem+json with {@code Retry-After}, the seconds until
 * a token is back; every answer carries {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}.
 *
 * <p>{@code emporium_gateway_ratelimit_requests_total} counts the calls per {@code route}, kind of {@code consumer}
 * ({@code subject} or {@code address}, never the subject or address itself) and {@code outcome}: {@code allowed},
 * {@code limited} (429), or {@code unlimited} (let through because Redis did not answer). Every series of a route
 * is registered at 0 when the route is built.
 */
@Component
public class ConsumerRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ConsumerRateLimitGatewayFilterFactory.Config> {

    private final RateLimitBuckets buckets;
    private final ClientAddresses clients;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public ConsumerRateLimitGatewayFilterFactory(RateLimitBuckets buckets, ClientAddresses clients,
            ProblemResponses problems, MeterRegistry meters) {
        super(Config.class);
        this.buckets = buckets;
        this.clients = clients;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("limit", "period");
    }

    @Override
    public GatewayFilter apply(Config config) {
        BucketConfiguration bucket = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(config.getLimit())
                        .refillGreedy(config.getLimit(), config.getPeriod()).build())
                .build();
        String limitHeader = Long.toString(config.getLimit());
        Outcomes outcomes = new Outcomes(meters, config.getRouteId());
        return (exchange, chain) -> consumer(exchange)
                .flatMap(consumer -> buckets.tryConsume(routeId(exchange) + ":" + consumer, bucket)
                        .doOnNext(verdict -> outcomes.count(consumer, verdict)))
                .flatMap(verdict -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("X-RateLimit-Limit", limitHeader);
                    if (verdict.remaining() >= 0) {
                        headers.set("X-RateLimit-Remaining", Long.toString(verdict.remaining()));
                    }
                    if (verdict.allowed()) {
                        return chain.filter(exchange);
                    }
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                            "more than " + config.getLimit() + " calls per " + describe(config.getPeriod())
                                    + " on this route; try again after the Retry-After seconds",
                            verdict.retryAfter());
                });
    }

    /** {@code sub:<subject>} for a verified token, else {@code addr:<client address>}. */
    private Mono<String> consumer(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(subject -> "sub:" + subject)
                .defaultIfEmpty("addr:" + clients.of(exchange));
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "unrouted";
    }

    /** The route's counters, one per kind of consumer and outcome, made once so a call only increments. */
    private static final class Outcomes {

        private final Counter[] counters = new Counter[6];

        Outcomes(MeterRegistry meters, String route) {
            String[] consumers = {"subject", "address"};
            String[] outcomes = {"allowed", "limited", "unlimited"};
            for (int c = 0; c < consumers.length; c++) {
                for (int o = 0; o < outcomes.length; o++) {
                    counters[c * outcomes.length + o] = Counter.builder("emporium.gateway.ratelimit.requests")
                            .description("Calls the rate limit judged, by route, kind of consumer and outcome")
                            .tag("route", route).tag("consumer", consumers[c]).tag("outcome", outcomes[o])
                            .register(meters);
                }
            }
        }

        void count(String consumer, RateLimitBuckets.Verdict verdict) {
            int kind = consumer.startsWith("sub:") ? 0 : 1;
            int outcome = !verdict.allowed() ? 1 : verdict.remaining() < 0 ? 2 : 0;
            counters[kind * 3 + outcome].increment();
        }
    }

    private static String describe(Duration period) {
        return period.equals(Duration.ofMinutes(1)) ? "minute" : period.toSeconds() + " s";
    }

    /** The arguments of one route's {@code ConsumerRateLimit}. */
    @Validated
    public static class Config implements HasRouteId {

        private String routeId = "unrouted";

        @Min(1)
        private long limit = 60;

        @NotNull
        private Duration period = Duration.ofMinutes(1);

        public long getLimit() {
            return limit;
        }

        public void setLimit(long limit) {
            this.limit = limit;
        }

        public Duration getPeriod() {
            return period;
        }

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }
}
