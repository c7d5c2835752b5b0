package com.emporium.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings; the routes themselves are Spring Cloud Gateway's ({@code application.yaml}).
 *
 * @param trustedProxies a regular expression of the proxies whose {@code X-Forwarded-For} is believed; blank
 *     for none
 * @param maxBodySize a larger request body answers 413
 * @param retryAfter the {@code Retry-After} of a 503 for an upstream that cannot be reached
 * @param publicPaths what needs no token, each {@code "METHOD /path"} with Ant-style {@code /**}
 * @param strippedHeaders request header names (a trailing {@code -} makes a prefix) never sent upstream
 * @param metricsScrapers a regular expression of the addresses that may read {@code /metrics}, connecting
 *     directly (not through a proxy); anyone else gets 404
 */
@Validated
@ConfigurationProperties("emporium.gateway")
public record GatewayProperties(
        @DefaultValue("") String trustedProxies,
        @NotNull DataSize maxBodySize,
        @NotNull Duration retryAfter,
        @NotEmpty List<String> publicPaths,
        @DefaultValue List<String> strippedHeaders,
        @Valid @NotNull Cors cors,
        @Valid @NotNull Jwks jwks,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Resilience resilience,
        @DefaultValue("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1") String metricsScrapers) {

    /** @param allowedOrigins the storefront's origins, allowed to call with credentials */
    public record Cors(@DefaultValue List<String> allowedOrigins, @NotNull Duration maxAge) {
    }

    /**
     * @param refetchMinInterval an unknown {@code kid} fetches the JWKS again at most this often
     * @param maxAge an older cached JWKS is refreshed in the background
     * @param timeout how long a JWKS fetch may take
     */
    public record Jwks(@NotNull Duration refetchMinInterval, @NotNull Duration maxAge, @NotNull Duration timeout) {
    }

    /**
     * @param redisUrl where the buckets live, {@code redis://host:port[/db]}
     * @param redisTimeout a Redis that takes longer lets the call through (fail open) and counts it
     * @param keyPrefix the prefix of every bucket's key
     * @param syncEvery a bucket spent here is written back to Redis at least every this many calls
     * @param syncWithin and at least this often
     */
    public record RateLimit(@NotBlank String redisUrl, @NotNull Duration redisTimeout, @NotBlank String keyPrefix,
            @Min(1) long syncEvery, @NotNull Duration syncWithin) {
    }

    /**
     * @param maxConcurrentCalls the bulkhead of each route: calls in flight upstream at once
     * @param failureRateThreshold percent of failed calls that opens a route's breaker
     * @param minimumCalls calls recorded before the breaker judges
     * @param slidingWindow calls the failure rate is computed over
     * @param openFor how long an open breaker refuses calls before it lets a few through again
     */
    public record Resilience(
            @Min(1) int maxConcurrentCalls,
            @Min(1) int failureRateThreshold,
            @Min(1) int minimumCalls,
            @Min(1) int slidingWindow,
            @NotNull Duration openFor) {
    }
}
