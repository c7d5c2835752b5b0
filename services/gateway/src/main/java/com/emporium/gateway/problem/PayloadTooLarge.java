package com.emporium.gateway.problem;

import org.springframework.util.unit.DataSize;

/** A request body over the gateway's limit: answered 413 before (or instead of) reaching a service. */
public final class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(DataSize limit) {
        super("the request body is larger than " + limit.toBytes() + " bytes");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
