package com.emporium.platform.web;

import java.io.IOException;

/** Raised while reading a body that turns out larger than the limit (a chunked body names no length). */
final class PayloadTooLarge extends IOException {

    private final long limit;

    PayloadTooLarge(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
