package com.emporium.order.orders.web;

import com.emporium.order.orders.Caller;
import com.emporium.order.orders.OrderStatus;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** What the order routes read from a request besides the path: the caller, and a status filter. */
final class Requests {

    private Requests() {
    }

    static Caller caller(Jwt token) {
        return Caller.of(token.getSubject(), token.getClaimAsStringList("roles"));
    }

    /** The status a list is filtered by, if any; an unknown one is a 400 naming {@code status}. */
    static @Nullable OrderStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return OrderStatus.fromWire(value).orElseThrow(() -> invalid("status", "must be one of "
                + String.join(", ", Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName).toList())));
    }

    static ProblemException invalid(String field, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Invalid Request", "The request is invalid: " + field + " " + message + ".");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
