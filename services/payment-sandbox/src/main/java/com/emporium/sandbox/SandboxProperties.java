package com.emporium.sandbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the sandbox can be told, validated at start-up.
 *
 * @param secretKey the merchant's secret key: every {@code /v1/**} call but tokenization must carry it as a bearer
 *     token
 * @param allowedOrigins the browser origins that may tokenize cards ({@code POST /v1/tokens}) from their pages
 * @param retryLaterFailures how many attempts of one {@code Idempotency-Key} the retry-later card answers with 503
 *     before it charges
 * @param slowDelay how long the timeout card waits, after its charge is committed, before it answers
 */
@Validated
@ConfigurationProperties("emporium.sandbox")
public record SandboxProperties(
        @NotBlank String secretKey,
        @NotNull List<@NotBlank String> allowedOrigins,
        @Min(0) @Max(100) int retryLaterFailures,
        @NotNull Duration slowDelay) {

    @AssertTrue(message = "slow-delay must not be negative")
    public boolean isSlowDelayNotNegative() {
        return slowDelay == null || !slowDelay.isNegative();
    }
}
