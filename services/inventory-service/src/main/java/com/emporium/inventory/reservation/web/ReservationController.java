package com.emporium.inventory.reservation.web;

import com.emporium.inventory.reservation.OrderId;
import com.emporium.inventory.reservation.ReservationService;
import com.emporium.inventory.reservation.ReserveOutcome;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reservations for order-service; the path alone requires the service role (platform security). */
@RestController
@RequestMapping("/internal/reservations")
class ReservationController {

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequest request) {
        OrderId orderId = request.order();
        return switch (reservations.reserve(orderId, request.requestedLines())) {
            case ReserveOutcome.Created(var reservation) ->
                    ResponseEntity.created(URI.create("/internal/reservations/" + orderId))
                            .body(ReservationView.of(reservation));
            case ReserveOutcome.AlreadyReserved(var reservation) -> ResponseEntity.ok(ReservationView.of(reservation));
            case ReserveOutcome.Mismatch(var existing) -> throw new ReservationProblems.ReservationMismatch(orderId);
            case ReserveOutcome.UnknownProducts(var productIds) ->
                    throw new ReservationProblems.UnknownProducts(productIds);
            case ReserveOutcome.InsufficientStock(var shortages) ->
                    throw new ReservationProblems.InsufficientStock(shortages);
        };
    }

    @GetMapping("/{orderId}")
    ReservationView one(@PathVariable UUID orderId) {
        OrderId order = new OrderId(orderId);
        return reservations.find(order).map(ReservationView::of)
                .orElseThrow(() -> new ReservationProblems.ReservationNotFound(order));
    }

    /** Releases a held reservation (order-service could not store its order); any other status is left as it is. */
    @DeleteMapping("/{orderId}")
    ReservationView release(@PathVariable UUID orderId) {
        OrderId order = new OrderId(orderId);
        return reservations.releaseIfHeld(order).map(ReservationView::of)
                .orElseThrow(() -> new ReservationProblems.ReservationNotFound(order));
    }
}
