package com.emporium.sandbox;

import com.emporium.platform.web.ProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A problem the sandbox answers with: {@code type} is {@code urn:problem:sandbox:<name>}, as a processor of its
 * own would name them, not one of Emporium's. The detail is shown to the client: never put a card number in it.
 */
public class SandboxProblem extends ProblemException {

    public static final String PREFIX = "urn:problem:sandbox:";

    public SandboxProblem(HttpStatus status, String name, String title, String detail) {
        super(status, type(name), title, detail);
    }

    public static URI type(String name) {
        return URI.create(PREFIX + name);
    }

    /** A 400 of this type naming one field. */
    public static SandboxProblem invalid(String name, String field, String message) {
        return invalid(name, List.of(new FieldError(field, message)));
    }

    /** A 400 of this type naming every field that is wrong, in the platform's {@code errors} shape. */
    public static SandboxProblem invalid(String name, List<FieldError> errors) {
        SandboxProblem problem = new SandboxProblem(HttpStatus.BAD_REQUEST, name, "Invalid Request",
                "The request is invalid: " + String.join(", ",
                        errors.stream().map(error -> error.field() + " " + error.message()).toList()) + ".");
        problem.getBody().setProperty("errors",
                errors.stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return problem;
    }

    /** Lets the caller know when to try again. */
    public SandboxProblem retryingAfter(Duration wait) {
        retryAfter(wait);
        return this;
    }

    /** One field of a request and what is wrong with it; the message never repeats the value. */
    public record FieldError(String field, String message) {
    }
}
