package com.emporium.order.checkout;

import com.emporium.order.orders.CustomerId;
import com.emporium.order.orders.OrderId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The order id of a request with an {@code Idempotency-Key}: a name-based UUID (version 5, SHA-1, RFC 9562) of the
 * customer and the key. Two requests with one key therefore reserve under one order id, which inventory-service
 * reserves once, and insert one order.
 */
final class OrderIds {

    /** This service's namespace for the names, chosen once. */
    private static final UUID NAMESPACE = UUID.fromString("6f1b4c1e-8a2d-5b7e-9c3f-0d4e5a6b7c8d");

    private OrderIds() {
    }

    static OrderId derive(CustomerId customer, String idempotencyKey) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        sha1.update(bytes(NAMESPACE));
        sha1.update((customer.value() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new OrderId(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
