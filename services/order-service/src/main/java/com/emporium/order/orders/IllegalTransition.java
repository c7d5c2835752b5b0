package com.emporium.order.orders;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A status change the machine does not allow, such as shipping a pending order or cancelling a shipped one. */
public final class IllegalTransition extends ProblemException {

    public IllegalTransition(OrderStatus from, OrderStatus to) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("illegal-transition"), "Illegal Transition",
                "An order that is " + from.wireName() + " cannot become " + to.wireName() + ".");
        getBody().setProperty("from", from.wireName());
        getBody().setProperty("to", to.wireName());
    }
}
