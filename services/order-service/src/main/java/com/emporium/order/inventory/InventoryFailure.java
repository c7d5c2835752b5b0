package com.emporium.order.inventory;

/**
 * One attempt at inventory-service that failed in a way another attempt may not: no connection, no answer in
 * time, a dropped connection, a 5xx, or a refused service token. Retried, and counted by the circuit breaker.
 */
final class InventoryFailure extends RuntimeException {

    InventoryFailure(String message) {
        super(message);
    }

    InventoryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
