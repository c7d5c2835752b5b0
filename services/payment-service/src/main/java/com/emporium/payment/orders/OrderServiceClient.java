package com.emporium.payment.orders;

import com.emporium.payment.PaymentServiceProperties;
import com.emporium.platform.client.ServiceTokenSettings;
import com.emporium.platform.client.ServiceTokenUnavailable;
import com.emporium.platform.client.ServiceTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads an order from order-service's {@code GET /internal/orders/{id}} with the service token: asked when a
 * payment comes before the order's {@code OrderPlaced}. One attempt (a refused token is fetched again once); the
 * customer retries after the 503.
 */
@Component
public class OrderServiceClient {

    private static final Logger log = LoggerFactory.getLogger(OrderServiceClient.class);

    private final RestClient http;
    private final ServiceTokens tokens;
    private final PaymentServiceProperties.OrderService settings;

    record InternalOrder(@Nullable UUID orderId, @Nullable UUID customerId, @Nullable String status,
            @Nullable BigDecimal totalAmount, @Nullable String currency, @Nullable Instant paymentDueBy) {
    }

    OrderServiceClient(RestClient.Builder builder, PaymentServiceProperties properties, Clock clock) {
        this.settings = properties.orderService();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.url().toString()).requestFactory(requests).build();
        PaymentServiceProperties.ServiceToken token = properties.serviceToken();
        this.tokens = new ServiceTokens(builder, new ServiceTokenSettings(token.userServiceUrl(), token.clientId(),
                token.clientSecret(), token.refreshBeforeExpiry(), token.connectTimeout(), token.readTimeout(),
                token.failureMemory()), clock);
    }

    /**
     * The order's facts, or empty when order-service has no such order.
     *
     * @throws OrderServiceUnavailable when it could not be asked
     */
    public Optional<OrderFacts> fetch(UUID orderId) {
        try {
            try {
                return attempt(orderId);
            } catch (TokenRefused refused) {
                return attempt(orderId);
            }
        } catch (OrderServiceFailure | TokenRefused ex) {
            log.warn("Could not read order {} from order-service: {}", orderId, ex.getMessage());
            throw new OrderServiceUnavailable(settings.retryAfter());
        }
    }

    private static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super("order-service refused the service token");
        }
    }

    private Optional<OrderFacts> attempt(UUID orderId) {
        String token;
        try {
            token = tokens.current();
        } catch (ServiceTokenUnavailable ex) {
            throw new OrderServiceFailure(ex.getMessage(), ex);
        }
        try {
            return http.get().uri("/internal/orders/{id}", orderId)
                    .headers(headers -> headers.setBearerAuth(token))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> read(orderId, token, response));
        } catch (RestClientException ex) {
            throw new OrderServiceFailure("order-service could not be reached: " + ex.getMessage(), ex);
        }
    }

    private Optional<OrderFacts> read(UUID orderId, String token,
            RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401) {
            tokens.invalidate(token);
            throw new TokenRefused();
        }
        if (status != 200) {
            throw new OrderServiceFailure("order-service answered " + status);
        }
        InternalOrder order = response.bodyTo(InternalOrder.class);
        if (order == null || order.customerId() == null || order.status() == null || order.totalAmount() == null
                || order.currency() == null || order.paymentDueBy() == null || !orderId.equals(order.orderId())) {
            throw new OrderServiceFailure("order-service answered an incomplete order for " + orderId);
        }
        long minor = order.totalAmount().setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        return Optional.of(new OrderFacts(orderId, order.customerId(), minor, order.currency(), order.paymentDueBy(),
                OrderStatus.of(order.status())));
    }
}
