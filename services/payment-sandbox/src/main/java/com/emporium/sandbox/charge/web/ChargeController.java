package com.emporium.sandbox.charge.web;

import com.emporium.platform.web.PageResponse;
import com.emporium.sandbox.SandboxProblem;
import com.emporium.sandbox.charge.Charge;
import com.emporium.sandbox.charge.ChargeFilter;
import com.emporium.sandbox.charge.ChargeOutcome;
import com.emporium.sandbox.charge.ChargeService;
import com.emporium.sandbox.charge.ChargeStatus;
import com.emporium.sandbox.charge.Listing;
import com.emporium.sandbox.web.IdempotencyKeyHeader;
import com.emporium.sandbox.web.Paging;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/charges}: charge a token (201, or 402 for a declined card, which is recorded too), look one up, or list
 * them by {@code Idempotency-Key} or merchant reference, which is how a merchant finds a charge whose answer it lost.
 */
@RestController
class ChargeController {

    private final ChargeService charges;

    ChargeController(ChargeService charges) {
        this.charges = charges;
    }

    @PostMapping(path = "/v1/charges", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> charge(@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String key,
            @RequestBody(required = false) @Nullable String body) {
        ChargeOutcome outcome = charges.charge(ChargeRequest.read(IdempotencyKeyHeader.require(key), body));
        boolean replayed = switch (outcome) {
            case ChargeOutcome.Created created -> false;
            case ChargeOutcome.Replayed replay -> true;
        };
        return answer(outcome.charge(), replayed);
    }

    @GetMapping("/v1/charges/{id}")
    ChargeView charge(@PathVariable String id) {
        return ChargeView.of(charges.find(id));
    }

    @GetMapping("/v1/charges")
    PageResponse<ChargeView> list(@RequestParam(required = false) @Nullable String idempotencyKey,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        Listing<Charge> found = charges.list(new ChargeFilter(idempotencyKey, reference), paging.offset(),
                paging.size());
        return Pages.of(found.items().stream().map(ChargeView::of).toList(), paging, found.total());
    }

    private static ResponseEntity<?> answer(Charge charge, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(
                        charge.status() == ChargeStatus.SUCCEEDED ? HttpStatus.CREATED : HttpStatus.PAYMENT_REQUIRED)
                .location(URI.create("/v1/charges/" + charge.id()));
        if (replayed) {
            answer.header(IdempotencyKeyHeader.REPLAYED, "true");
        }
        return switch (charge.status()) {
            case SUCCEEDED -> answer.contentType(MediaType.APPLICATION_JSON).body(ChargeView.of(charge));
            case DECLINED -> answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(declined(charge));
        };
    }

    /** 402 {@code card-declined}, with the decline code and the charge as recorded. */
    private static ProblemDetail declined(Charge charge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED,
                "The card was declined (" + charge.declineCode() + "); nothing was charged.");
        problem.setType(SandboxProblem.type("card-declined"));
        problem.setTitle("Card Declined");
        problem.setProperty("declineCode", charge.declineCode());
        problem.setProperty("charge", ChargeView.of(charge));
        return problem;
    }
}
