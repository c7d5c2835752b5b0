package com.emporium.order.checkout.web;

import com.emporium.order.checkout.CheckoutService;
import com.emporium.order.checkout.Placement;
import com.emporium.order.orders.Caller;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders}: the caller (the token's subject) orders items, at inventory-service's prices. The
 * answer's body is the order's JSON exactly as stored with its {@code Idempotency-Key}, so a replay is the same.
 */
@RestController
class CheckoutController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** 1 to 200 printable ASCII characters. */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private final CheckoutService checkout;
    private final ObservationRegistry observations;

    CheckoutController(CheckoutService checkout, ObservationRegistry observations) {
        this.checkout = checkout;
        this.observations = observations;
    }

    @PostMapping(path = "/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> place(@AuthenticationPrincipal Jwt token,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody CreateOrderRequest request) {
        checkKey(idempotencyKey);
        checkEachProductOnce(request.items());
        Caller caller = Caller.of(token.getSubject(), token.getClaimAsStringList("roles"));
        Placement placement = checkout.place(request.toCommand(caller.id(), idempotencyKey));
        // the request's span says which order it made: a search for order.id finds its whole trace
        Observation current = observations.getCurrentObservation();
        if (current != null) {
            current.highCardinalityKeyValue("order.id", placement.orderId().toString());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/orders/" + placement.orderId()))
                .contentType(MediaType.APPLICATION_JSON);
        if (placement.replayed()) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(placement.body());
    }

    private static void checkKey(@Nullable String key) {
        if (key != null && (!KEY.matcher(key).matches() || key.isBlank())) {
            throw invalid(IDEMPOTENCY_KEY, "must be 1 to 200 printable ASCII characters, not only spaces");
        }
    }

    private static void checkEachProductOnce(List<CreateOrderRequest.Item> items) {
        Set<UUID> seen = new HashSet<>();
        for (CreateOrderRequest.Item item : items) {
            if (!seen.add(item.productId())) {
                throw invalid("items", "must name each productId at most once (" + item.productId() + " repeats)");
            }
        }
    }

    private static ProblemException invalid(String field, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Invalid Request", "The request is invalid: " + field + " " + message + ".");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
