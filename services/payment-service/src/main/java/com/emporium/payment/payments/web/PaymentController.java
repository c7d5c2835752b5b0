package com.emporium.payment.payments.web;

import com.emporium.payment.payments.Payment;
import com.emporium.payment.payments.PaymentQueries;
import com.emporium.payment.payments.PaymentService;
import com.emporium.payment.payments.PaymentStatus;
import com.emporium.payment.payments.Problems;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import com.emporium.platform.web.ProblemException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/payments} and the caller's own payments. The body is exactly {@code {orderId, paymentToken}}:
 * anything else (an amount, a card number, a customer id) is refused before anything is charged, naming the field
 * and never echoing a value. The owner is the token's subject.
 */
@RestController
class PaymentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,254}");
    private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,64}");
    private static final Set<String> FIELDS = Set.of("orderId", "paymentToken");

    private final PaymentService service;
    private final PaymentQueries queries;
    private final ObservationRegistry observations;

    PaymentController(PaymentService service, PaymentQueries queries, ObservationRegistry observations) {
        this.service = service;
        this.queries = queries;
        this.observations = observations;
    }

    @PostMapping(path = "/api/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentView> pay(@AuthenticationPrincipal Jwt token,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @RequestBody JsonNode body) {
        UUID customer = Callers.customer(token);
        String idempotencyKey = checkKey(key);
        if (!body.isObject()) {
            throw Problems.invalid("body", "must be a JSON object with orderId and paymentToken");
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                unexpected.add(name);
            }
        }
        if (!unexpected.isEmpty()) {
            throw unexpectedFields(unexpected.stream().sorted().toList());
        }
        UUID orderId = orderId(body.get("orderId"));
        String paymentToken = paymentToken(body.get("paymentToken"));
        PaymentService.Attempt attempt = service.pay(customer, orderId, paymentToken, idempotencyKey);
        // the request's span says which order it paid: a search for order.id finds the payment in its trace
        Observation current = observations.getCurrentObservation();
        if (current != null) {
            current.highCardinalityKeyValue("order.id", orderId.toString());
            current.highCardinalityKeyValue("payment.id", attempt.payment().id().toString());
        }
        return answer(attempt.payment(), attempt.replayed());
    }

    @GetMapping("/api/payments/{id}")
    ResponseEntity<PaymentView> one(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        Payment payment = queries.own(id, Callers.customer(token));
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(PaymentView.of(payment));
    }

    @GetMapping("/api/payments")
    PageResponse<PaymentView> mine(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        PageQuery query = PageQuery.of(page, size, null, Set.of("createdAt"), "createdAt");
        return queries.own(Callers.customer(token), orderId, query).map(PaymentView::of);
    }

    /**
     * 201 once charged (or refunded since), 202 while processing, 402 declined or never received by the provider;
     * always its Location.
     */
    private static ResponseEntity<PaymentView> answer(Payment payment, boolean replayed) {
        if (payment.status() == PaymentStatus.FAILED) {
            throw Problems.failed(payment, replayed);
        }
        HttpStatus status = payment.status() == PaymentStatus.PROCESSING ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .location(URI.create("/api/payments/" + payment.id()));
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(PaymentView.of(payment));
    }

    private static String checkKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST,
                    ProblemTypes.of("idempotency-key-required"), "Idempotency Key Required",
                    "POST /api/payments needs an Idempotency-Key header: a new one for each payment attempt.");
            problem.getBody().setProperty("errors", List.of(Map.of("field", IDEMPOTENCY_KEY, "message", "is required")));
            throw problem;
        }
        if (!KEY.matcher(key).matches()) {
            throw Problems.invalid(IDEMPOTENCY_KEY, "must be 1 to 255 printable ASCII characters");
        }
        return key;
    }

    private static UUID orderId(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            throw Problems.invalid("orderId", "is required");
        }
        try {
            if (!node.isString()) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(node.asString());
        } catch (IllegalArgumentException ex) {
            throw Problems.invalid("orderId", "must be a UUID");
        }
    }

    /** The provider's token; a value that is not one is never repeated back (it may be a card number). */
    private static String paymentToken(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            throw Problems.invalid("paymentToken", "is required");
        }
        if (!node.isString() || !TOKEN.matcher(node.asString()).matches()) {
            throw Problems.invalid("paymentToken", "must be a token from the payment provider (tok_ and up to 64 "
                    + "letters, digits or underscores); card details are never sent here");
        }
        return node.asString();
    }

    private static ProblemException unexpectedFields(List<String> names) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.of("unexpected-field"),
                "Unexpected Field", "The body takes only orderId and paymentToken; it also had: "
                        + String.join(", ", names) + ". Nothing was charged.");
        problem.getBody().setProperty("errors", names.stream()
                .map(name -> Map.of("field", name, "message", "is not accepted")).toList());
        return problem;
    }
}
