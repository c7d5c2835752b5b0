package com.emporium.payment.sandbox;

import com.emporium.payment.Money;
import com.emporium.payment.PaymentServiceProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The provider's charge, look-up and refund calls with the merchant's secret key. A charge carries the payment's id
 * as its {@code Idempotency-Key}, so the provider charges at most once per payment. Only attempts it surely did not
 * act on are retried (no connection, or its 503, after its {@code Retry-After}); a read timeout is not, since the
 * charge may have been made: its outcome is {@link ChargeOutcome.Unknown}, for the resolver to find out. A charge
 * keeps within {@code charge-budget}: a retry starts only while a whole attempt still fits in it. Never logs a token.
 */
public class SandboxClient {

    private static final Logger log = LoggerFactory.getLogger(SandboxClient.class);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final PaymentServiceProperties.Sandbox settings;

    record ChargeRequest(String token, BigDecimal amount, String currency, String reference, String description) {
    }

    record RefundRequest(String chargeId, BigDecimal amount, String reason) {
    }

    record Card(@Nullable String brand, @Nullable String last4) {
    }

    record Charge(@Nullable String id, @Nullable String status, @Nullable Card card, @Nullable String declineCode) {
    }

    record DeclineProblem(@Nullable String declineCode, @Nullable Charge charge) {
    }

    record ChargePage(@Nullable List<Charge> items) {
    }

    record Refund(@Nullable String id, @Nullable String status) {
    }

    record FieldError(@Nullable String field, @Nullable String message) {
    }

    record Problem(@Nullable String type, @Nullable List<FieldError> errors) {
    }

    SandboxClient(RestClient.Builder builder, CircuitBreaker breaker, Retry retry,
            PaymentServiceProperties.Sandbox settings) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.url().toString()).requestFactory(requests)
                .defaultHeaders(headers -> headers.setBearerAuth(settings.secretKey())).build();
        this.breaker = breaker;
        this.retry = retry;
        this.settings = settings;
    }

    /**
     * Charges {@code token} for the payment {@code paymentId}, at most once whatever happens.
     *
     * @throws ProviderUnavailable when the provider surely did not charge and cannot be asked now
     */
    public ChargeOutcome charge(UUID paymentId, String token, long amountMinor, String currency, String description) {
        ChargeRequest request = new ChargeRequest(token, Money.toDecimal(amountMinor), currency, paymentId.toString(),
                description);
        long started = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retry.executeSupplier(() -> {
                if (attempts.getAndIncrement() > 0 && !anotherAttemptFits(started)) {
                    // the last attempt surely did not reach the provider, and another would overrun the budget
                    log.warn("Not charging payment {} again: its charge budget ({}) is spent", paymentId,
                            settings.chargeBudget());
                    throw new ProviderUnavailable("the charge budget is spent", settings.retryAfter());
                }
                return breaker.executeSupplier(() -> attempt(paymentId, request));
            });
        } catch (CallNotPermittedException open) {
            log.warn("Not charging payment {}: the circuit breaker to the payment provider is open", paymentId);
            throw new ProviderUnavailable("the circuit breaker is open", settings.circuitBreaker().openWait());
        } catch (SandboxUnreachable ex) {
            log.warn("Could not charge payment {}: {}", paymentId, ex.getMessage());
            throw new ProviderUnavailable(ex.getMessage(), settings.retryAfter());
        } catch (OutcomeUnknown ex) {
            log.warn("The charge of payment {} got no answer ({}); its outcome will be looked up", paymentId,
                    ex.getMessage());
            return new ChargeOutcome.Unknown(ex.getMessage());
        }
    }

    /** Whether a whole attempt still ends within the charge budget, counted from {@code started}. */
    private boolean anotherAttemptFits(long started) {
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        return spent.plus(settings.attemptTimeout()).compareTo(settings.chargeBudget()) <= 0;
    }

    private ChargeOutcome attempt(UUID paymentId, ChargeRequest request) {
        try {
            return http.post().uri("/v1/charges")
                    .header(IDEMPOTENCY_KEY, paymentId.toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(request)
                    .exchange((sent, response) -> readCharge(response));
        } catch (RestClientException ex) {
            if (causedBy(ex, HttpConnectTimeoutException.class) || causedBy(ex, ConnectException.class)) {
                throw new SandboxUnreachable("the payment provider could not be reached", null, ex);
            }
            throw new OutcomeUnknown(ex.getClass().getSimpleName(), ex);
        }
    }

    private ChargeOutcome readCharge(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws IOException {
        int status = response.getStatusCode().value();
        if (status == 200 || status == 201) {
            return charged(response.bodyTo(Charge.class));
        }
        if (status == 402) {
            DeclineProblem problem = response.bodyTo(DeclineProblem.class);
            String code = problem == null || problem.declineCode() == null ? "card-declined" : problem.declineCode();
            return new ChargeOutcome.Declined(code);
        }
        if (status == 503) {
            throw new SandboxUnreachable("the payment provider answered 503", retryAfter(response.getHeaders()), null);
        }
        if (status == 400) {
            // the provider refused the request before charging; its errors name the fields (never logged: values)
            Problem problem = readProblem(response);
            List<String> fields = problem == null || problem.errors() == null ? List.of() : problem.errors().stream()
                    .map(FieldError::field).filter(java.util.Objects::nonNull).toList();
            return new ChargeOutcome.Rejected(fields);
        }
        if (status == 401) {
            log.error("The payment provider refused payment-service's secret key (SANDBOX_SECRET_KEY)");
            throw new SandboxUnreachable("the payment provider refused the secret key", null, null);
        }
        throw new OutcomeUnknown("the payment provider answered " + status);
    }

    private static ChargeOutcome charged(@Nullable Charge charge) {
        if (charge == null || charge.id() == null) {
            throw new OutcomeUnknown("the payment provider answered a charge without its id");
        }
        Card card = charge.card() == null ? new Card(null, null) : charge.card();
        return new ChargeOutcome.Charged(charge.id(), card.brand() == null ? "unknown" : card.brand(),
                card.last4() == null ? "0000" : card.last4());
    }

    /**
     * The charge made under this idempotency key, if the provider has one. Not retried and not behind the breaker:
     * the resolver asks again on its next round.
     *
     * @throws SandboxFailure when the provider gave no usable answer
     */
    public LookupOutcome findCharge(UUID idempotencyKey) {
        ChargePage page;
        try {
            page = http.get().uri(uri -> uri.path("/v1/charges").queryParam("idempotencyKey", idempotencyKey)
                            .build())
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(ChargePage.class);
        } catch (RestClientException ex) {
            throw new SandboxFailure("the payment provider could not be asked: " + ex.getMessage(), ex);
        }
        if (page == null || page.items() == null) {
            throw new SandboxFailure("the payment provider answered a look-up without items");
        }
        if (page.items().isEmpty()) {
            return new LookupOutcome.NotFound();
        }
        Charge charge = page.items().getFirst();
        if ("succeeded".equals(charge.status())) {
            return new LookupOutcome.Found(charged(charge));
        }
        if ("declined".equals(charge.status())) {
            return new LookupOutcome.Found(new ChargeOutcome.Declined(
                    charge.declineCode() == null ? "card-declined" : charge.declineCode()));
        }
        throw new SandboxFailure("the payment provider has a charge in status " + charge.status());
    }

    /**
     * Refunds {@code amountMinor} of the charge, at most once per {@code refundId}; the provider's refund id.
     *
     * @throws RefundRejected when the provider refused it for good (a 4xx other than 401, 408 and 429)
     * @throws SandboxFailure when the provider did not confirm the refund
     */
    public String refund(UUID refundId, String chargeId, long amountMinor, String reason) {
        Refund refund;
        try {
            refund = http.post().uri("/v1/refunds")
                    .header(IDEMPOTENCY_KEY, refundId.toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(new RefundRequest(chargeId, Money.toDecimal(amountMinor), reason))
                    .exchange((sent, response) -> readRefund(refundId, response));
        } catch (RestClientException ex) {
            throw new SandboxFailure("the refund " + refundId + " failed: " + ex.getMessage(), ex);
        }
        if (refund == null || refund.id() == null) {
            throw new SandboxFailure("the payment provider answered refund " + refundId + " without its id");
        }
        return refund.id();
    }

    private @Nullable Refund readRefund(UUID refundId,
            RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (status == 200 || status == 201) {
            return response.bodyTo(Refund.class);
        }
        if (status >= 400 && status < 500 && status != 401 && status != 408 && status != 429) {
            Problem problem = readProblem(response);
            throw new RefundRejected(status, problem == null ? null : problem.type());
        }
        if (status == 401) {
            log.error("The payment provider refused payment-service's secret key (SANDBOX_SECRET_KEY)");
        }
        throw new SandboxFailure("the payment provider answered refund " + refundId + " with " + status);
    }

    private static @Nullable Problem readProblem(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
        try {
            return response.bodyTo(Problem.class);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** The provider's {@code Retry-After} in seconds, at most {@code max-retry-after}; null without one. */
    private @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            Duration wait = Duration.ofSeconds(Long.parseLong(value.strip()));
            Duration max = settings.retry().maxRetryAfter();
            return wait.compareTo(max) > 0 ? max : wait;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
