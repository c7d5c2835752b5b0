package com.emporium.order.inventory;

import com.emporium.order.OrderServiceProperties;
import com.emporium.platform.client.ServiceTokenUnavailable;
import com.emporium.platform.client.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reserves and releases stock at inventory-service ({@code /internal/reservations}) with a service token.
 * Each attempt has a connect and a read timeout; failed attempts are retried with exponential backoff, which is
 * safe because inventory reserves at most once per order id; a circuit breaker stops asking a service that keeps
 * failing. When no attempt gets an answer the caller gets {@link InventoryUnavailable}.
 */
public class InventoryClient {

    private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);
    private static final String UNKNOWN_PRODUCT = "urn:problem:emporium:unknown-product";
    private static final String INSUFFICIENT_STOCK = "urn:problem:emporium:insufficient-stock";

    private final RestClient http;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final OrderServiceProperties.Inventory settings;

    record ReserveRequest(UUID orderId, List<RequestedLine> lines) {
    }

    /** The parts of inventory's problem+json answers order-service reads. */
    record InventoryProblem(@Nullable String type, @Nullable List<UUID> productIds,
            @Nullable List<ReservationOutcome.Shortfall> lines) {
    }

    InventoryClient(RestClient.Builder builder, ServiceTokens tokens, CircuitBreaker breaker, Retry retry,
            OrderServiceProperties.Inventory settings) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.url().toString()).requestFactory(requests).build();
        this.tokens = tokens;
        this.breaker = breaker;
        this.retry = retry;
        this.settings = settings;
    }

    /**
     * Reserves every line for the order, or none.
     *
     * @throws InventoryUnavailable when inventory-service gave no answer (or its breaker is open)
     */
    public ReservationOutcome reserve(UUID orderId, List<RequestedLine> lines) {
        ReserveRequest request = new ReserveRequest(orderId, lines);
        try {
            return retry.executeSupplier(() -> breaker.executeSupplier(() -> attempt(request)));
        } catch (CallNotPermittedException open) {
            log.warn("Not reserving stock for order {}: the circuit breaker to inventory-service is open", orderId);
            throw new InventoryUnavailable(settings.circuitBreaker().openWait());
        } catch (InventoryFailure failure) {
            log.warn("Could not reserve stock for order {}: {}", orderId, failure.getMessage());
            throw new InventoryUnavailable(settings.retryAfter());
        }
    }

    /**
     * Releases the order's reservation, once and best-effort: when it fails the reservation expires on its own.
     * Never throws.
     */
    public void release(UUID orderId) {
        try {
            String token = tokens.current();
            HttpStatusCode status = http.delete().uri("/internal/reservations/{orderId}", orderId)
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange((request, response) -> response.getStatusCode());
            if (!status.is2xxSuccessful() && status.value() != 404) {
                log.warn("inventory-service answered {} to releasing the reservation of order {}; it will expire",
                        status.value(), orderId);
            }
        } catch (RuntimeException ex) {
            log.warn("Could not release the reservation of order {} ({}); it will expire", orderId, ex.toString());
        }
    }

    private ReservationOutcome attempt(ReserveRequest request) {
        String token = token();
        try {
            return http.post().uri("/internal/reservations")
                    .headers(headers -> headers.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(request)
                    .exchange((sent, response) -> read(response, token));
        } catch (RestClientException ex) {
            // refused, reset, timed out, or a body that broke off
            throw new InventoryFailure("inventory-service could not be reached: " + ex.getMessage(), ex);
        }
    }

    /** The service token, its absence being one more way inventory cannot be reached (retried, counted). */
    private String token() {
        try {
            return tokens.current();
        } catch (ServiceTokenUnavailable ex) {
            throw new InventoryFailure(ex.getMessage(), ex);
        }
    }

    private ReservationOutcome read(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response,
            String token) throws IOException {
        int status = response.getStatusCode().value();
        if (status == 200 || status == 201) {
            Reservation reservation = response.bodyTo(Reservation.class);
            if (reservation == null) {
                throw new InventoryFailure("inventory-service answered " + status + " without a reservation");
            }
            return new ReservationOutcome.Reserved(reservation);
        }
        if (status == 401) {
            tokens.invalidate(token);
            throw new InventoryFailure("inventory-service refused the service token");
        }
        if (status >= 500) {
            throw new InventoryFailure("inventory-service answered " + status);
        }
        InventoryProblem problem = response.bodyTo(InventoryProblem.class);
        String type = problem == null ? null : problem.type();
        if (status == 409) {
            return new ReservationOutcome.Mismatch();
        }
        if (status == 422 && UNKNOWN_PRODUCT.equals(type) && problem.productIds() != null) {
            return new ReservationOutcome.UnknownProducts(List.copyOf(problem.productIds()));
        }
        if (status == 422 && INSUFFICIENT_STOCK.equals(type) && problem.lines() != null) {
            return new ReservationOutcome.InsufficientStock(List.copyOf(problem.lines()));
        }
        // a request order-service validated itself was refused: a defect on one side or the other, not an outage
        throw new IllegalStateException("inventory-service answered " + status + " " + type + " to a reservation");
    }
}
