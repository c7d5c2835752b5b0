package com.emporium.payment.orders;

/** order-service or user-service gave no usable answer (no connection, a timeout, a 5xx, a refused token). */
final class OrderServiceFailure extends RuntimeException {

    OrderServiceFailure(String message) {
        super(message);
    }

    OrderServiceFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
