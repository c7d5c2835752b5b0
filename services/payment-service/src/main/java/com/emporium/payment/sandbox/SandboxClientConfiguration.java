package com.emporium.payment.sandbox;

import com.emporium.payment.PaymentServiceProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The provider's client and its resilience, from {@code emporium.payments.sandbox}. The breaker and the retry
 * publish their metrics ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}) under the name
 * {@code payment-provider}.
 */
@Configuration(proxyBeanMethods = false)
class SandboxClientConfiguration {

    static final String NAME = "payment-provider";

    @Bean
    CircuitBreakerRegistry providerCircuitBreakers(PaymentServiceProperties properties, MeterRegistry meters) {
        PaymentServiceProperties.CircuitBreaker settings = properties.sandbox().circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // a declined card is an answer; no answer is a failure
                .recordExceptions(SandboxUnreachable.class, OutcomeUnknown.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RetryRegistry providerRetries(PaymentServiceProperties properties, MeterRegistry meters) {
        PaymentServiceProperties.Retry settings = properties.sandbox().retry();
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction((attempts, outcome) -> {
                    Duration wait = settings.backoff();
                    if (outcome.isLeft() && outcome.getLeft() instanceof SandboxUnreachable unreachable
                            && unreachable.retryAfter() != null) {
                        wait = unreachable.retryAfter();
                    }
                    return wait.toMillis();
                })
                // only what surely did not reach the provider; an open breaker answers at once
                .retryExceptions(SandboxUnreachable.class)
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    SandboxClient sandboxClient(RestClient.Builder builder, PaymentServiceProperties properties,
            CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new SandboxClient(builder, breakers.circuitBreaker(NAME), retries.retry(NAME), properties.sandbox());
    }
}
