package com.emporium.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} of every problem the platform itself answers with. Services add their own
 * domain types under the same {@code urn:problem:emporium:} prefix and list them in their contract.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:problem:emporium:";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_BODY = of("malformed-body");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI CONFLICT = of("conflict");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI INTERNAL = of("internal");
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");
    /** The gateway waited too long for a service's answer. */
    public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");
    public static final URI BAD_REQUEST = of("bad-request");

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return URI.create(PREFIX + name);
    }

    /** The platform's type for a status that carries no more specific one. */
    public static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
        };
    }
}
