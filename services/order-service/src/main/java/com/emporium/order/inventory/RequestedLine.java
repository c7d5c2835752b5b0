package com.emporium.order.inventory;

import java.util.UUID;

/** One line of a reservation request: a product and how many of it. */
public record RequestedLine(UUID productId, int quantity) {
}
