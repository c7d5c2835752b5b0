package com.emporium.gateway.problem;

/**
 * Marks an exception meaning "something the gateway depends on cannot be reached right now": found anywhere
 * in an error's cause chain, it is answered 503 with {@code Retry-After}, not 500 or 401.
 */
public interface Unavailable {
}
