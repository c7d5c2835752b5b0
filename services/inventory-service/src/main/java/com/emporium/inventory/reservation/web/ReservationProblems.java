package com.emporium.inventory.reservation.web;

import com.emporium.inventory.catalog.ProductId;
import com.emporium.inventory.reservation.OrderId;
import com.emporium.inventory.reservation.Shortage;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The answers of the reservation API that are not a reservation. */
final class ReservationProblems {

    private ReservationProblems() {
    }

    static final class ReservationNotFound extends ProblemException {
        ReservationNotFound(OrderId orderId) {
            super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found",
                    "Order " + orderId + " has no reservation.");
        }
    }

    static final class ReservationMismatch extends ProblemException {
        ReservationMismatch(OrderId orderId) {
            super(HttpStatus.CONFLICT, ProblemTypes.of("reservation-mismatch"), "Reservation Mismatch",
                    "Order " + orderId + " was reserved before with other lines; an order's lines cannot change.");
        }
    }

    static final class UnknownProducts extends ProblemException {
        UnknownProducts(List<ProductId> productIds) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("unknown-product"), "Unknown Product",
                    "No product has the id " + String.join(", ", productIds.stream().map(ProductId::toString)
                            .toList()) + "; nothing was reserved.");
            getBody().setProperty("productIds", productIds.stream().map(ProductId::value).toList());
        }
    }

    static final class InsufficientStock extends ProblemException {
        InsufficientStock(List<Shortage> shortages) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("insufficient-stock"), "Insufficient Stock",
                    shortages.size() == 1 ? "One line asks for more than is available; nothing was reserved."
                            : shortages.size() + " lines ask for more than is available; nothing was reserved.");
            getBody().setProperty("lines", shortages.stream().map(InsufficientStock::line).toList());
        }

        private static Map<String, Object> line(Shortage shortage) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("productId", shortage.productId().value());
            line.put("requested", shortage.requested());
            line.put("available", shortage.available());
            return line;
        }
    }
}
