package com.emporium.sandbox.charge.web;

import com.emporium.platform.web.PageResponse;
import com.emporium.sandbox.charge.Listing;
import com.emporium.sandbox.charge.Refund;
import com.emporium.sandbox.charge.RefundOutcome;
import com.emporium.sandbox.charge.RefundService;
import com.emporium.sandbox.web.IdempotencyKeyHeader;
import com.emporium.sandbox.web.Paging;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/refunds}: give back some or all of a succeeded charge, look a refund up, list them. */
@RestController
class RefundController {

    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    @PostMapping(path = "/v1/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RefundView> refund(
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String key,
            @RequestBody(required = false) @Nullable String body) {
        RefundOutcome outcome = refunds.refund(RefundRequest.read(IdempotencyKeyHeader.require(key), body));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/v1/refunds/" + outcome.refund().id()));
        switch (outcome) {
            case RefundOutcome.Created created -> { }
            case RefundOutcome.Replayed replayed -> answer.header(IdempotencyKeyHeader.REPLAYED, "true");
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(RefundView.of(outcome.refund()));
    }

    @GetMapping("/v1/refunds/{id}")
    RefundView refund(@PathVariable String id) {
        return RefundView.of(refunds.find(id));
    }

    @GetMapping("/v1/refunds")
    PageResponse<RefundView> list(@RequestParam(required = false) @Nullable String chargeId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        Listing<Refund> found = refunds.list(chargeId, paging.offset(), paging.size());
        return Pages.of(found.items().stream().map(RefundView::of).toList(), paging, found.total());
    }
}
