package com.emporium.inventory.reservation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** order-service's OrderConfirmed (v1), read for what inventory needs; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderConfirmed(@Nullable UUID orderId) {
}
