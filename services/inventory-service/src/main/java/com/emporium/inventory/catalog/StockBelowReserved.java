package com.emporium.inventory.catalog;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A stock adjustment that would leave less on hand than orders have reserved. */
public final class StockBelowReserved extends ProblemException {

    public StockBelowReserved(ProductId id, int delta, Stock stock) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("stock-below-reserved"), "Stock Below Reserved",
                "Adjusting product " + id + " by " + delta + " would leave " + (stock.onHand() + delta)
                        + " on hand, less than the " + stock.reserved() + " reserved by orders.");
        getBody().setProperty("onHand", stock.onHand());
        getBody().setProperty("reserved", stock.reserved());
        getBody().setProperty("delta", delta);
    }
}
