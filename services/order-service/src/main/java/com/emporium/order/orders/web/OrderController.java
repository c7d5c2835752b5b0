package com.emporium.order.orders.web;

import com.emporium.order.orders.Caller;
import com.emporium.order.orders.OrderFilter;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.order.orders.OrderQueries;
import com.emporium.order.orders.OrderView;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's own orders; the owner is the token's subject. Another customer's order is answered 404, as if it
 * did not exist. An admin may read and cancel any order here too.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;

    OrderController(OrderQueries queries, OrderLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    /** Polled by the storefront for the live status (every 5 s at most), so it is never cached. */
    @GetMapping("/{id}")
    ResponseEntity<OrderView> one(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        OrderView order = OrderView.of(queries.get(new OrderId(id), Requests.caller(token)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(order);
    }

    @GetMapping
    PageResponse<OrderView> mine(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        Caller caller = Requests.caller(token);
        PageQuery query = PageQuery.of(page, size, sort, OrderQueries.SORTABLE_FIELDS, OrderQueries.DEFAULT_SORT);
        return queries.list(OrderFilter.ownedBy(caller.id(), Requests.status(status)), query).map(OrderView::of);
    }

    @PutMapping("/{id}/cancel")
    OrderView cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return OrderView.of(lifecycle.cancel(new OrderId(id), Requests.caller(token)));
    }
}
