package com.emporium.order.checkout.web;

import com.emporium.order.checkout.PlaceOrder;
import com.emporium.order.orders.CustomerId;
import com.emporium.order.orders.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/orders}. Only these fields are read: a {@code userId}, prices, a total or a status
 * sent along are ignored (the owner is the token's subject; prices come from inventory-service).
 */
record CreateOrderRequest(
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shippingAddress) {

    record Item(@NotNull UUID productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    record Address(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) @Nullable String line2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @Size(max = 100) @Nullable String region,
            @NotNull @CountryCode String country) {
    }

    PlaceOrder toCommand(CustomerId customer, @Nullable String idempotencyKey) {
        Address to = shippingAddress;
        return new PlaceOrder(customer,
                items.stream().map(item -> new PlaceOrder.Item(item.productId(), item.quantity())).toList(),
                new ShippingAddress(to.name().strip(), to.line1().strip(), blankToNull(to.line2()), to.city().strip(),
                        to.postalCode().strip(), blankToNull(to.region()), to.country()),
                idempotencyKey);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
