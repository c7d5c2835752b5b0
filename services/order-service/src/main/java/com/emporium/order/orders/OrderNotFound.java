package com.emporium.order.orders;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No order has this id, or none the caller may see: another customer's order is answered the same way. */
public final class OrderNotFound extends ProblemException {

    public OrderNotFound(OrderId id) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", "No order has the id " + id + ".");
    }
}
