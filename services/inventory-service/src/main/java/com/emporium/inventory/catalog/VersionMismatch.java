package com.emporium.inventory.catalog;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An admin write whose {@code If-Match} names a version the product has moved past: someone changed it since. */
public final class VersionMismatch extends ProblemException {

    public VersionMismatch(ProductId id) {
        super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.of("version-mismatch"), "Version Mismatch",
                "Product " + id + " was changed since the version you name in If-Match. Read it again, then retry.");
    }
}
