package com.emporium.order.orders.web;

import com.emporium.order.orders.CustomerId;
import com.emporium.order.orders.OrderFilter;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.order.orders.OrderQueries;
import com.emporium.order.orders.OrderView;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every order, for admins; the path alone requires the admin role (platform security). */
@RestController
@RequestMapping("/api/orders/admin/orders")
class AdminOrderController {

    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;

    AdminOrderController(OrderQueries queries, OrderLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    PageResponse<OrderView> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Nullable OffsetDateTime placedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Nullable OffsetDateTime placedTo,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        if (placedFrom != null && placedTo != null && !placedFrom.isBefore(placedTo)) {
            throw Requests.invalid("placedTo", "must be later than placedFrom");
        }
        PageQuery query = PageQuery.of(page, size, sort, OrderQueries.SORTABLE_FIELDS, OrderQueries.DEFAULT_SORT);
        OrderFilter filter = new OrderFilter(Requests.status(status),
                customerId == null ? null : new CustomerId(customerId),
                placedFrom == null ? null : placedFrom.toInstant(), placedTo == null ? null : placedTo.toInstant());
        return queries.list(filter, query).map(OrderView::of);
    }

    @PutMapping("/{id}/ship")
    OrderView ship(@PathVariable UUID id) {
        return OrderView.of(lifecycle.ship(new OrderId(id)));
    }

    @PutMapping("/{id}/deliver")
    OrderView deliver(@PathVariable UUID id) {
        return OrderView.of(lifecycle.deliver(new OrderId(id)));
    }
}
