package com.emporium.order.orders.web;

import com.emporium.order.orders.Money;
import com.emporium.order.orders.Order;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderQueries;
import com.emporium.order.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What other services may ask about an order (role {@code service}; the gateway never routes {@code /internal}):
 * payment-service takes the amount to charge, the owner and the deadline from here when {@code OrderPlaced} has
 * not reached it yet.
 */
@RestController
@RequestMapping("/internal/orders")
class InternalOrderController {

    /** The order's facts a payment needs (contracts/order-service.yaml, schema {@code OrderFacts}). */
    record OrderFacts(UUID orderId, UUID customerId, OrderStatus status, BigDecimal totalAmount, String currency,
            Instant paymentDueBy) {
    }

    private final OrderQueries queries;

    InternalOrderController(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    ResponseEntity<OrderFacts> one(@PathVariable UUID id) {
        Order order = queries.find(new OrderId(id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new OrderFacts(order.id().value(),
                order.customerId().value(), order.status(), Money.toDecimal(order.totalAmount()), order.currency(),
                order.paymentDueBy()));
    }
}
