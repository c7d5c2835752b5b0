package com.emporium.order.checkout;

import com.emporium.order.inventory.ReservationOutcome.Shortfall;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Some items ask for more than is available, as inventory-service said; nothing was ordered. */
public final class InsufficientStock extends ProblemException {

    InsufficientStock(List<Shortfall> lines) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("insufficient-stock"), "Insufficient Stock",
                lines.size() + " item(s) ask for more than is available. Nothing was ordered.");
        getBody().setProperty("lines", List.copyOf(lines));
    }
}
