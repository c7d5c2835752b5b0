package com.emporium.inventory.reservation.web;

import com.emporium.inventory.reservation.Reservation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation as order-service reads it; the prices are those it was made at. */
record ReservationView(UUID orderId, String status, Instant expiresAt, List<Line> lines, BigDecimal totalAmount,
        String currency) {

    record Line(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.orderId().value(), reservation.status().wireName(),
                reservation.expiresAt(),
                reservation.lines().stream().map(line -> new Line(line.productId().value(), line.sku(), line.name(),
                        line.quantity(), line.unitPrice().decimal())).toList(),
                reservation.total().decimal(), reservation.currency());
    }
}
