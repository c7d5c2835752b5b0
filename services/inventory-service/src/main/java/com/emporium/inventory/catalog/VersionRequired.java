package com.emporium.inventory.catalog;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An admin write without the {@code If-Match} that says which version of the product it was based on. */
public final class VersionRequired extends ProblemException {

    public VersionRequired() {
        super(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.of("version-required"), "Version Required",
                "Send If-Match with the product's ETag (its version) as you read it, so a change made since is not "
                        + "overwritten.");
    }
}
