package com.emporium.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything payment-service can be told ({@code emporium.payments.*}), validated at start-up. Every wait is a
 * duration, so tests shrink them to milliseconds.
 */
@Validated
@ConfigurationProperties("emporium.payments")
public record PaymentServiceProperties(
        @Valid @NotNull OrderService orderService,
        @Valid @NotNull ServiceToken serviceToken,
        @Valid @NotNull Sandbox sandbox,
        @Valid @NotNull Resolver resolver,
        @Valid @NotNull Refunds refunds,
        @Valid @NotNull Idempotency idempotency) {

    /**
     * The longest {@code POST /api/payments} may take: the gateway gives up on an upstream after 10 s, so the
     * service's own worst case must end before, with room for the database.
     */
    public static final Duration LONGEST_PAYMENT_REQUEST = Duration.ofSeconds(9);

    /**
     * The worst case of {@code POST /api/payments} from its timeouts: a service token from user-service, the order
     * from order-service, then the charge within its budget (each retry starts only when a whole attempt still fits).
     */
    public Duration worstPaymentRequest() {
        return serviceToken.connectTimeout().plus(serviceToken.readTimeout())
                .plus(orderService.connectTimeout()).plus(orderService.readTimeout())
                .plus(sandbox.chargeWorstCase());
    }

    @AssertTrue(message = "the worst case of POST /api/payments (service token + order fetch + sandbox.charge-budget) "
            + "must stay under 9s, before the gateway gives up after 10s")
    public boolean isPaymentRequestWithinTheGateway() {
        if (serviceToken == null || orderService == null || sandbox == null || !sandbox.isComplete()
                || serviceToken.connectTimeout() == null || serviceToken.readTimeout() == null
                || orderService.connectTimeout() == null || orderService.readTimeout() == null) {
            return true;
        }
        return worstPaymentRequest().compareTo(LONGEST_PAYMENT_REQUEST) < 0;
    }

    @AssertTrue(message = "resolver.abandon-after must be longer than a whole charge may take (sandbox.charge-budget, "
            + "or max-attempts x (connect-timeout + read-timeout) + (max-attempts - 1) x the longest wait between "
            + "attempts, whichever is shorter): a payment is given up only once its charge can no longer be running")
    public boolean isAbandonAfterTheWholeCharge() {
        if (sandbox == null || resolver == null || resolver.abandonAfter() == null || !sandbox.isComplete()) {
            return true;
        }
        return resolver.abandonAfter().compareTo(sandbox.chargeWorstCase()) > 0;
    }

    /**
     * order-service's internal order API ({@code GET /internal/orders/{id}}), asked when an order's events have not
     * arrived yet.
     *
     * @param retryAfter the {@code Retry-After} of a 503 when it cannot be asked
     */
    public record OrderService(@NotNull URI url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
            @NotNull Duration retryAfter) {
    }

    /**
     * The service's own token (OAuth2 client credentials at user-service's {@code /oauth2/token}), kept until
     * {@code refreshBeforeExpiry} before it expires; a failed request for one is remembered {@code failureMemory}.
     */
    public record ServiceToken(@NotNull URI userServiceUrl, @NotBlank String clientId, @NotBlank String clientSecret,
            @NotNull Duration refreshBeforeExpiry, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
            @NotNull Duration failureMemory) {
    }

    /**
     * The payment provider (the sandbox).
     *
     * @param secretKey the merchant's secret key, sent as a bearer token
     * @param readTimeout how long a charge's answer is awaited; after that its outcome is unknown and the resolver
     *     finds it out
     * @param retryAfter the {@code Retry-After} of a 503 when the provider cannot be reached
     * @param chargeBudget the longest one charge may take, all attempts and waits together: a retry starts only
     *     while a whole attempt ({@code connectTimeout + readTimeout}) still fits in what is left of it
     */
    public record Sandbox(@NotNull URI url, @NotBlank String secretKey, @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout, @Valid @NotNull Retry retry, @Valid @NotNull CircuitBreaker circuitBreaker,
            @NotNull Duration retryAfter, @NotNull Duration chargeBudget) {

        /** One attempt at most: the connection, then the answer. */
        public Duration attemptTimeout() {
            return connectTimeout.plus(readTimeout);
        }

        /**
         * The longest a charge can take: every attempt timing out with the longest wait between them, or the budget,
         * whichever is shorter.
         */
        public Duration chargeWorstCase() {
            Duration longestWait = retry.backoff().compareTo(retry.maxRetryAfter()) > 0 ? retry.backoff()
                    : retry.maxRetryAfter();
            Duration everyAttempt = attemptTimeout().multipliedBy(retry.maxAttempts())
                    .plus(longestWait.multipliedBy(retry.maxAttempts() - 1L));
            return everyAttempt.compareTo(chargeBudget) < 0 ? everyAttempt : chargeBudget;
        }

        @AssertTrue(message = "sandbox.charge-budget must hold at least one attempt (connect-timeout + read-timeout)")
        public boolean isChargeBudgetAnAttemptAtLeast() {
            return !isComplete() || chargeBudget.compareTo(attemptTimeout()) >= 0;
        }

        boolean isComplete() {
            return connectTimeout != null && readTimeout != null && chargeBudget != null && retry != null
                    && retry.backoff() != null && retry.maxRetryAfter() != null;
        }
    }

    /**
     * Attempts of one charge that surely did not reach the provider (no connection, or its 503): the first, then
     * retries {@code backoff} apart, or after the provider's own {@code Retry-After}, at most {@code maxRetryAfter}.
     */
    public record Retry(@Min(1) @Max(10) int maxAttempts, @NotNull Duration backoff, @NotNull Duration maxRetryAfter) {
    }

    /**
     * Opens when at least {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls (and
     * no fewer than {@code minimumCalls}) failed; stays open {@code openWait}, then lets {@code halfOpenCalls}
     * calls through to decide whether to close.
     */
    public record CircuitBreaker(@Min(1) @Max(100) int failureRateThreshold, @Min(1) int slidingWindowSize,
            @Min(1) int minimumCalls, @NotNull Duration openWait, @Min(1) int halfOpenCalls) {
    }

    /**
     * Payments whose charge got no answer.
     *
     * @param after how old a {@code processing} payment must be before the provider is asked about it
     * @param check how often the resolver looks
     * @param abandonAfter how old a payment the provider never received must be before it is given up
     *     ({@code charge-not-received})
     * @param batch how many payments one round looks at, at most
     */
    public record Resolver(@NotNull Duration after, @NotNull Duration check, @NotNull Duration abandonAfter,
            @Min(1) int batch) {

        @AssertTrue(message = "resolver.abandon-after must be longer than resolver.after")
        public boolean isAbandonAfterTheFirstLook() {
            return after == null || abandonAfter == null || abandonAfter.compareTo(after) > 0;
        }
    }

    /**
     * @param check how often the refund worker looks for pending refunds (it is also woken after each new one)
     * @param lease how long an instance holds the refunds it claimed before another may take them; longer than a
     *     refund's call to the provider
     * @param maxRejections how many times the provider may refuse a refund for good before it is parked as failed
     */
    public record Refunds(@NotNull Duration check, @Min(1) int batch, @NotNull Duration lease,
            @Min(1) int maxRejections) {
    }

    @AssertTrue(message = "refunds.lease must be longer than one call to the provider (connect-timeout + read-timeout)")
    public boolean isRefundLeaseLongerThanACall() {
        if (refunds == null || refunds.lease() == null || sandbox == null || !sandbox.isComplete()) {
            return true;
        }
        return refunds.lease().compareTo(sandbox.attemptTimeout()) > 0;
    }

    /**
     * @param retention how long a payment's {@code Idempotency-Key} stays bound to it (at least 24 hours)
     * @param purgeInterval how often older keys are released
     */
    public record Idempotency(@NotNull Duration retention, @NotNull Duration purgeInterval) {

        @AssertTrue(message = "idempotency.retention must be at least 24 hours")
        public boolean isRetentionAtLeastADay() {
            return retention == null || retention.compareTo(Duration.ofHours(24)) >= 0;
        }
    }
}
