package com.emporium.order.payments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** payment-service's PaymentSucceeded (v1), read for what confirming an order needs; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentSucceeded(@Nullable UUID paymentId, @Nullable UUID orderId, @Nullable BigDecimal amount,
        @Nullable String currency) {
}
