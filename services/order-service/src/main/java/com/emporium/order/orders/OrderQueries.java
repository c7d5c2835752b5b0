package com.emporium.order.orders;

import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders: one, a customer's own, or every order for an admin. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

    public static final Set<String> SORTABLE_FIELDS = OrderRepository.SORTABLE.keySet();
    public static final String DEFAULT_SORT = "placedAt,desc";

    private final OrderRepository orders;

    OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    /** The order, when the caller may see it: its owner or an admin. Another's is "not found", never "forbidden". */
    public Order get(OrderId id, Caller caller) {
        return orders.find(id).filter(caller::mayRead).orElseThrow(() -> new OrderNotFound(id));
    }

    /** The order, for another service (the caller's role was checked at {@code /internal}). */
    public Order find(OrderId id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFound(id));
    }

    public PageResponse<Order> list(OrderFilter filter, PageQuery query) {
        return PageResponse.of(orders.page(filter, query), query, orders.count(filter));
    }

    public long countPending(CustomerId customer) {
        return orders.countPending(customer);
    }
}
