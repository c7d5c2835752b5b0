package com.emporium.order.inventory;

import com.emporium.order.OrderServiceProperties;
import com.emporium.platform.client.ServiceTokenSettings;
import com.emporium.platform.client.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client of inventory-service and its resilience, built from {@code emporium.orders.inventory} and
 * {@code emporium.orders.service-token}. The breaker and the retry publish their metrics
 * ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}) under the name {@code inventory-service}.
 */
@Configuration(proxyBeanMethods = false)
class InventoryClientConfiguration {

    static final String NAME = "inventory-service";

    @Bean
    CircuitBreakerRegistry inventoryCircuitBreakers(OrderServiceProperties properties, MeterRegistry meters) {
        OrderServiceProperties.CircuitBreaker settings = properties.inventory().circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // only a failure to get an answer counts: "out of stock" is an answer
                .recordExceptions(InventoryFailure.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RetryRegistry inventoryRetries(OrderServiceProperties properties, MeterRegistry meters) {
        OrderServiceProperties.Retry settings = properties.inventory().retry();
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.maxBackoff()))
                // an open breaker is not retried: it answers at once
                .retryExceptions(InventoryFailure.class)
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    InventoryClient inventoryClient(RestClient.Builder builder, OrderServiceProperties properties,
            CircuitBreakerRegistry breakers, RetryRegistry retries, Clock clock) {
        OrderServiceProperties.ServiceToken token = properties.serviceToken();
        ServiceTokens tokens = new ServiceTokens(builder, new ServiceTokenSettings(token.userServiceUrl(),
                token.clientId(), token.clientSecret(), token.refreshBeforeExpiry(), token.connectTimeout(),
                token.readTimeout(), token.failureMemory()), clock);
        return new InventoryClient(builder, tokens, breakers.circuitBreaker(NAME), retries.retry(NAME),
                properties.inventory());
    }
}
