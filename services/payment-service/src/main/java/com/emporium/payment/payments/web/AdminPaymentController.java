package com.emporium.payment.payments.web;

import com.emporium.payment.payments.Payment;
import com.emporium.payment.payments.PaymentQueries;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/payments/admin/**} (role {@code admin}, which the platform enforces): every payment, and refunds. */
@RestController
class AdminPaymentController {

    private final PaymentQueries queries;

    AdminPaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/payments/admin/payments")
    PageResponse<PaymentView> all(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable String refundStatus,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        PageQuery query = PageQuery.of(page, size, null, Set.of("createdAt"), "createdAt");
        return queries.all(status, orderId, customerId, refundStatus, query).map(PaymentView::of);
    }

    /** 202: the refund is pending until the provider confirms it ({@code PaymentRefunded}). */
    @PostMapping("/api/payments/admin/payments/{id}/refund")
    ResponseEntity<PaymentView> refund(@PathVariable UUID id) {
        Payment payment = queries.refund(id);
        return ResponseEntity.accepted().location(URI.create("/api/payments/" + payment.id()))
                .body(PaymentView.of(payment));
    }
}
