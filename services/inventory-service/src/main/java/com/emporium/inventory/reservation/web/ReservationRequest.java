package com.emporium.inventory.reservation.web;

import com.emporium.inventory.catalog.ProductId;
import com.emporium.inventory.reservation.OrderId;
import com.emporium.inventory.reservation.RequestedLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reserve these lines for this order: 1 to 100 lines, each product at most once, 1 to 1,000 of each. */
record ReservationRequest(
        @NotNull @Nullable UUID orderId,
        @NotNull @Size(min = 1, max = 100) @DistinctProducts @Nullable List<@NotNull @Valid Line> lines) {

    record Line(@NotNull @Nullable UUID productId, @NotNull @Min(1) @Max(1000) @Nullable Integer quantity) {
    }

    /** Called once validation has passed: every field is there. */
    OrderId order() {
        return new OrderId(Objects.requireNonNull(orderId));
    }

    List<RequestedLine> requestedLines() {
        return Objects.requireNonNull(lines).stream().map(line -> new RequestedLine(
                new ProductId(Objects.requireNonNull(line.productId())), Objects.requireNonNull(line.quantity())))
                .toList();
    }
}
