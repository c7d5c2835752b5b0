package com.emporium.platform.client;

/** user-service gave no service token (unreachable, refusing, or answering without a usable token). */
public final class ServiceTokenUnavailable extends RuntimeException {

    ServiceTokenUnavailable(String message) {
        super(message);
    }

    ServiceTokenUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
