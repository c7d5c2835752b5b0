package com.emporium.platform.events.consumer;

/** A handler threw while handling the message at {@code index} of its batch. */
final class HandlerFailed extends RuntimeException {

    private final int index;

    HandlerFailed(int index, Throwable cause) {
        super(cause.toString(), cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}
