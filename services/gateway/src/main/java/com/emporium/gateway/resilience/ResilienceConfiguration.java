package com.emporium.gateway.resilience;

import com.emporium.gateway.GatewayProperties;
import com.emporium.gateway.problem.GatewayErrorHandler;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker and bulkhead every route's {@code CircuitBreaker} filter wraps its upstream call in.
 *
 * <p>The bulkhead is sized on purpose: Spring Cloud's default of 25 concurrent calls per route refuses the
 * 26th call at once, which under a normal burst of 50-100 connections fails healthy calls and then opens the
 * breaker on its own refusals. Here each route may have {@code UPSTREAM_MAX_CONCURRENT_CALLS} (256) calls in
 * flight, below the connection pool's 512 per upstream, so one slow service holds at most that many of the
 * gateway's connections while the other routes keep theirs. A full bulkhead answers 503 at once (no queue).
 *
 * <p>The breaker opens when half of the last 20 calls (at least 10) failed to reach the service or timed out,
 * answers 503 with {@code Retry-After} while open, and lets a few calls probe after {@code BREAKER_OPEN_FOR}.
 * Only those failures count ({@link GatewayErrorHandler#upstreamFailure}): a client's oversized body or a full
 * bulkhead says nothing about the service, and a service's own error answers (a 503 problem from a service
 * whose database is down, say) pass through unchanged. Resilience4j's time limiter is off: the upstream response timeout
 * ({@code UPSTREAM_RESPONSE_TIMEOUT}, a 504) is the one deadline.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> gatewayBulkheads(GatewayProperties properties) {
        BulkheadConfig bulkhead = BulkheadConfig.custom()
                .maxConcurrentCalls(properties.resilience().maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build();
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(bulkhead)
                .build());
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> gatewayCircuitBreakers(GatewayProperties properties) {
        GatewayProperties.Resilience settings = properties.resilience();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(GatewayErrorHandler::upstreamFailure)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .build());
    }
}
