package com.emporium.order.orders;

import org.jspecify.annotations.Nullable;

/** Where an order goes; {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(String name, String line1, @Nullable String line2, String city, String postalCode,
        @Nullable String region, String country) {
}
