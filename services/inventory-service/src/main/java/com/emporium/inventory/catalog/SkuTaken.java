package com.emporium.inventory.catalog;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A new product with the sku of another. */
public final class SkuTaken extends ProblemException {

    public SkuTaken(String sku) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("sku-taken"), "SKU Taken",
                "Another product already has the sku " + sku + ".");
        getBody().setProperty("sku", sku);
    }
}
