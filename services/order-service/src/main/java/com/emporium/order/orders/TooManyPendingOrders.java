package com.emporium.order.orders;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A customer already has as many unpaid orders as one may hold: stock is not hoarded in unpaid orders. */
public final class TooManyPendingOrders extends ProblemException {

    public TooManyPendingOrders(int limit) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("too-many-pending-orders"), "Too Many Pending Orders",
                "You have " + limit + " orders awaiting payment; pay for or cancel one before placing another.");
        getBody().setProperty("limit", limit);
    }
}
