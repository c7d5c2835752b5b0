package com.emporium.inventory.catalog;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No product has the given id. */
public final class ProductNotFound extends ProblemException {

    public ProductNotFound(ProductId id) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", "No product has the id " + id + ".");
    }
}
