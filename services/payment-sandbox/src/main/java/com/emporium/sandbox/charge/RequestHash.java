package com.emporium.sandbox.charge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of a request's meaning (its fields as read, not its bytes), kept with its {@code Idempotency-Key}:
 * the same request sent again, whatever its spacing or field order, hashes the same, and any changed field does not.
 */
final class RequestHash {

    private RequestHash() {
    }

    static String of(@Nullable Object... fields) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
        for (Object field : fields) {
            // length-prefixed, and null apart from every string, so no two requests run together alike
            String text = field == null ? "\u0000null" : field.toString();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
