package com.emporium.order.checkout;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Items name products inventory-service does not have; nothing was ordered. */
public final class UnknownProducts extends ProblemException {

    UnknownProducts(List<UUID> productIds) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("unknown-product"), "Unknown Product",
                "No product has the id " + productIds.stream().map(UUID::toString).reduce((a, b) -> a + ", " + b)
                        .orElse("given") + ". Nothing was ordered.");
        getBody().setProperty("productIds", List.copyOf(productIds));
    }
}
