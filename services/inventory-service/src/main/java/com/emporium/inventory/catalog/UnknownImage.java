package com.emporium.inventory.catalog;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A product given an image that does not ship with the service: a validation error on the field. */
public final class UnknownImage extends ProblemException {

    public UnknownImage(String image) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid Request",
                "The request is invalid: image must name one of the catalog's images.");
        getBody().setProperty("errors", List.of(Map.of("field", "image",
                "message", "must name one of the catalog's images (" + image + " is not one)")));
    }
}
